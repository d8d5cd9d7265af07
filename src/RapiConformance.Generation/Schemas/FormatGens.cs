using FsCheck;
using FsCheck.Fluent;

namespace RapiConformance.Generation.Schemas;

/// <summary>Generators for the string formats the spec may name (ipv4, ipv6, mac, uuid, date-time, hostname).</summary>
public static class FormatGens
{
    public static Gen<string>? For(string? format) => format?.ToLowerInvariant() switch
    {
        "ipv4" or "ip" => Ipv4,
        "ipv6" => Gen.ArrayOf(Gen.Choose(0, 0xffff), 8).Select(p => string.Join(':', p.Select(x => x.ToString("x")))),
        "cidr" or "ipv4-cidr" => Gen.Zip(Ipv4, Gen.Choose(8, 30), (ip, n) => $"{ip}/{n}"),
        "mac" => Gen.ArrayOf(Gen.Choose(0, 255), 6).Select(p => string.Join(':', p.Select(x => x.ToString("x2")))),
        "uuid" => Gen.ArrayOf(Gen.Choose(0, 255), 16).Select(b => new Guid(b.Select(x => (byte)x).ToArray()).ToString()),
        "date-time" => Gen.Choose(0, 2_000_000_000).Select(s => DateTimeOffset.FromUnixTimeSeconds(s).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")),
        "hostname" => RegexStringGen.For("[a-z][a-z0-9-]{0,10}(\\.[a-z][a-z0-9]{1,6}){0,2}"),
        _ => null,
    };

    private static readonly Gen<string> Ipv4 = Gen.ArrayOf(Gen.Choose(0, 255), 4).Select(p => string.Join('.', p));
}
