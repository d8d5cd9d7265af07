using System.Text;

namespace RapiConformance.Load.Engine;

/// <summary>Status and raw body of one answer.</summary>
public sealed record LoadResponse(int Status, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>A job submission answers a bare JSON number (Ganeti) or a numeric string (old docs).</summary>
    public long? JobId
    {
        get
        {
            var text = Encoding.UTF8.GetString(Body).Trim().Trim('"');
            return long.TryParse(text, System.Globalization.NumberStyles.None, null, out var id) ? id : null;
        }
    }
}
