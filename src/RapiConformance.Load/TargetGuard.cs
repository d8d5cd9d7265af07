using System.Net;

namespace RapiConformance.Load;

/// <summary>
/// Refuses targets outside this machine's loopback unless the user says so: a load run is a small
/// denial of service, and it must not reach someone else's cluster by a typo.
/// </summary>
public static class TargetGuard
{
    public static bool IsLoopback(Uri target)
    {
        var host = target.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>Null when the target may be loaded, else the one-line reason.</summary>
    public static string? Refusal(Uri target, bool allowRemote)
    {
        if (target.Scheme is not ("http" or "https"))
            return $"--target must be an http:// or https:// URL, not '{target}'";
        if (!allowRemote && !IsLoopback(target))
            return $"refusing to load '{target.Host}': not a loopback address (pass --allow-remote to load a remote server)";
        return null;
    }
}
