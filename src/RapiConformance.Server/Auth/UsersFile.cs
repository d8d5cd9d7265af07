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
    private byte[]? _hash;
    private string? _lastError;
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

    /// <summary>Largest users file read (Ganeti's are a few lines); a larger one is refused, not read into memory.</summary>
    public const int MaxBytes = 1024 * 1024;

    private void Reload()
    {
        if (_path is null) return;
        lock (_sync)
        {
            // Compared by content (a SHA-256 of at most MaxBytes), not by mtime and size: an edit that keeps both
            // (same-size password, mtime restored) or an atomic rename over the file is seen at the next check.
            byte[] content;
            try
            {
                if (!File.Exists(_path))
                {
                    _users = new Dictionary<string, RapiUser>();
                    _hash = null;
                    return;
                }
                content = ReadCapped(_path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // Ganeti keeps the previous users when the file cannot be read; try again at the next check.
                if (_hash is null && _users.Count == 0 && e is InvalidDataException) throw; // at start: nothing to keep
                if (_lastError != e.Message) Console.Error.WriteLine($"rapi-conformance: {e.Message}; keeping the previous users");
                _lastError = e.Message;
                return;
            }
            _lastError = null;
            var hash = SHA256.HashData(content);
            if (_hash is not null && hash.AsSpan().SequenceEqual(_hash)) return;
            _users = Parse(Encoding.UTF8.GetString(content));
            _hash = hash;
        }
    }

    private static byte[] ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.None);
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int n;
        while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0) total += n;
        if (total > MaxBytes) throw new InvalidDataException($"the users file {path} is larger than {MaxBytes} bytes");
        return buffer[..total];
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
