using System.Text.Encodings.Web;
using System.Text.Json;

namespace RapiConformance.Server.Http;

public static class JsonOptions
{
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = ServerLimits.MaxStoredDepth };
}
