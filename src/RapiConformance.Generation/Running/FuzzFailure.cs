using RapiConformance.Client;
using RapiConformance.Generation.Http;

namespace RapiConformance.Generation.Running;

/// <summary>One failure, shrunk: what property broke, the minimal input, the answer it got, and how to rerun it.</summary>
public sealed record FuzzFailure(
    string Kind,
    string Message,
    string OperationId,
    string Phase,
    ulong Seed,
    long CaseIndex,
    string? Mutation,
    string OriginalInput,
    string ShrunkInput,
    int ShrinkSteps,
    IReadOnlyList<FuzzExchange> Exchanges,
    string Replay)
{
    /// <summary>The curl command of the last request (the one that showed the failure).</summary>
    public string Curl => Exchanges.Count == 0 ? "" : Exchanges[^1].Curl;
}

/// <summary>A request and its answer as the report shows them.</summary>
public sealed record FuzzExchange(string Request, string? Body, int Status, string ResponseBody, string Curl)
{
    public static FuzzExchange From(RapiClient sender, RapiRequest request, Exchange response, string? user) =>
        new($"{request.Method} {request.PathAndQuery}", request.Body is null ? null : $"Content-Type: {(request.OmitContentType ? "(none)" : request.ContentType ?? "application/json")}\n{Cut(request.Body)}",
            response.Status ?? 0, response.TransportError ?? Cut(response.ResponseBody), CurlCommand.For(sender.BaseUri, request, user, false));

    private static string Cut(string s) => s.Length <= 4000 ? s : s[..4000] + $"...(+{s.Length - 4000} chars)";
}
