using System.Globalization;

namespace RapiConformance.Load;

/// <summary>Parses the load verb's value syntax: rates like "500/s" and durations like "30s", "2m", "250ms".</summary>
public static class LoadArguments
{
    public static bool TryParseRate(string text, out double perSecond)
    {
        var t = text.Trim();
        var scale = 1.0;
        if (t.EndsWith("/s", StringComparison.OrdinalIgnoreCase)) t = t[..^2];
        else if (t.EndsWith("/m", StringComparison.OrdinalIgnoreCase)) { t = t[..^2]; scale = 1 / 60.0; }
        var ok = double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value);
        perSecond = ok ? value * scale : 0;
        return ok;
    }

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        var t = text.Trim().ToLowerInvariant();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        var factor = 1.0;
        foreach (var (suffix, seconds) in units)
        {
            if (!t.EndsWith(suffix, StringComparison.Ordinal) || (suffix == "s" && t.EndsWith("ms", StringComparison.Ordinal))) continue;
            t = t[..^suffix.Length];
            factor = seconds;
            break;
        }
        var ok = double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value) && value * factor < 86_400 * 7;
        duration = ok ? TimeSpan.FromSeconds(value * factor) : TimeSpan.Zero;
        return ok;
    }
}
