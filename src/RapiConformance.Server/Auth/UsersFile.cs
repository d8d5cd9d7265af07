using System.Security.Cryptography;
using System.Text;

namespace RapiConformance.Server.Auth;

/// <summary>
/// Ganeti's RAPI users file: "user password [options]" per line, '#' comments, passwords in clear text,
/// {cleartext} or {HA1} (md5 of "user:Ganeti Remote API:password"). Re-read when the file changes.
/// </summary>
public sealed class UsersFile
{
    public const string Realm = "Ganeti Remote API";
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(200);

    private readonly string? _path;
    private readonly TimeProvider _time;
    private readonly object _sync = new();
    private IReadOnlyDictionary<string, RapiUser> _users = new Dictionary<string, RapiUser>();
    private (DateTime Mtime, long Length, bool Exists) _stamp;
    private long _nextCheck;

    public UsersFile(string? path, TimeProvider? time = null)
    {
        _path = path;
        _time = time ?? TimeProvider.System;
        Reload();
    }

    public int Count => Users.Count;

    private IReadOnlyDictionary<string, RapiUser> Users
    {
        get
        {
            var now = _time.GetTimestamp();
            if (now >= Interlocked.Read(ref _nextCheck))
            {
                Interlocked.Exchange(ref _nextCheck, now + (long)(CheckInterval.TotalSeconds * _time.TimestampFrequency));
                Reload();
            }
            return _users;
        }
    }

    public RapiUser? Find(string name) => Users.GetValueOrDefault(name);

    /// <summary>Checks a user's password the way Ganeti does (scheme prefix case-insensitive; unknown schemes never match).</summary>
    public RapiUser? Authenticate(string name, string password)
    {
        var user = Find(name);
        if (user is null) return null;
        return PasswordMatches(user, password) ? user : null;
    }

    public static bool PasswordMatches(RapiUser user, string password)
    {
        var stored = user.Password;
        if (!stored.StartsWith('{')) return FixedEquals(stored, password);
        var close = stored.IndexOf('}', StringComparison.Ordinal);
        if (close < 0) return false;
        var scheme = stored[1..close];
        var value = stored[(close + 1)..];
        if (scheme.Equals("cleartext", StringComparison.OrdinalIgnoreCase)) return FixedEquals(value, password);
        if (scheme.Equals("HA1", StringComparison.OrdinalIgnoreCase))
        {
#pragma warning disable CA5351 // Ganeti's HA1 scheme is MD5 by definition.
            var ha1 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{user.Name}:{Realm}:{password}")));
#pragma warning restore CA5351
            return FixedEquals(value.ToLowerInvariant(), ha1);
        }
        return false;
    }

    public static IReadOnlyDictionary<string, RapiUser> Parse(string text)
    {
        var users = new Dictionary<string, RapiUser>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            var options = parts.Length > 2
                ? parts[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            users[parts[0]] = new RapiUser(parts[0], parts[1], options);
        }
        return users;
    }

    private void Reload()
    {
        if (_path is null) return;
        lock (_sync)
        {
            var info = new FileInfo(_path);
            var stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length, true) : (default, 0L, false);
            if (stamp == _stamp) return;
            if (!info.Exists)
            {
                _users = new Dictionary<string, RapiUser>();
                _stamp = stamp;
                return;
            }
            try
            {
                _users = Parse(File.ReadAllText(_path));
                _stamp = stamp;
            }
            catch (IOException)
            {
                // Ganeti keeps the previous users when the file cannot be read; try again at the next check.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
