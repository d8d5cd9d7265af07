namespace RapiConformance.Differential;

/// <summary>
/// Picks a writer, a reader and a plain user from a Ganeti RAPI users file (`user password [options]`).
/// Only cleartext passwords can be used by a client; {HA1} entries are passed over.
/// </summary>
public sealed record UsersFileRoles(BasicCredential? Writer, BasicCredential? Reader, BasicCredential? Plain)
{
    public static UsersFileRoles Load(string file)
    {
        BasicCredential? writer = null, reader = null, plain = null;
        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || Password(fields[1]) is not { } password)
            {
                continue;
            }
            var options = fields.Length > 2
                ? fields[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            var credential = new BasicCredential(fields[0], password);
            if (options.Contains("write"))
            {
                writer ??= credential;
            }
            else if (options.Contains("read"))
            {
                reader ??= credential;
            }
            else
            {
                plain ??= credential;
            }
        }
        return new UsersFileRoles(writer, reader, plain);
    }

    private static string? Password(string field)
    {
        if (!field.StartsWith('{'))
        {
            return field;
        }
        const string clear = "{cleartext}";
        return field.StartsWith(clear, StringComparison.OrdinalIgnoreCase) ? field[clear.Length..] : null;
    }
}
