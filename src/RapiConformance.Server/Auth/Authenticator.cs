using System.Text;
using RapiConformance.Server.Http;
using RapiConformance.Spec;

namespace RapiConformance.Server.Auth;

/// <summary>HTTP Basic authentication and the access lists of Ganeti 3.0 (protocol.md §5).</summary>
public sealed class Authenticator(UsersFile users, bool requireAuthentication)
{
    public bool RequireAuthentication { get; } = requireAuthentication;

    /// <summary>Returns the user (null when anonymous is allowed) or throws 400/401/403.</summary>
    public RapiUser? Authorize(Access access, string? authorization)
    {
        RapiUser? user = null;
        if (!string.IsNullOrEmpty(authorization))
        {
            user = Authenticate(authorization);
            // A sent Authorization header must be valid, even on an anonymous resource.
            if (user is null) throw new RapiException(401);
        }

        switch (access)
        {
            case Access.Read:
                if (user is null && RequireAuthentication) throw new RapiException(401);
                return user;
            case Access.ReadAuthenticated:
                if (user is null) throw new RapiException(401);
                if (!user.CanRead) throw new RapiException(403);
                return user;
            default:
                if (user is null) throw new RapiException(401);
                if (!user.CanWrite) throw new RapiException(403);
                return user;
        }
    }

    private RapiUser? Authenticate(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) return null;
        var credentials = space < 0 ? "" : header[(space + 1)..].Trim();
        if (credentials.Length == 0) throw RapiException.BadRequest("Basic authentication requires credentials");
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(credentials));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return null;
        return users.Authenticate(decoded[..colon], decoded[(colon + 1)..]);
    }
}
