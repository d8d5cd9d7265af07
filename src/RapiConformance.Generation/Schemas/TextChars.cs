using FsCheck;
using FsCheck.Fluent;

namespace RapiConformance.Generation.Schemas;

/// <summary>Character generators: plain text for valid strings, and the awkward ones mutations use.</summary>
public static class TextChars
{
    private static readonly char[] Ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".ToCharArray();

    /// <summary>Non-ASCII letters that are still word characters (\w matches them in .NET and Python).</summary>
    public static readonly char[] NonAsciiLetters = "éüñßøçåЖж中日λ".ToCharArray();

    public static readonly char[] Control = Enumerable.Range(0, 32).Select(i => (char)i).Append('\u007f').ToArray();

    public static readonly Gen<char> Plain = Gen.Frequency((30, Gen.Elements(Ascii)), (1, Gen.Elements(NonAsciiLetters)));
}
