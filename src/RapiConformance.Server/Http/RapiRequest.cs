using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RapiConformance.Server.Auth;
using RapiConformance.Spec;

namespace RapiConformance.Server.Http;

/// <summary>A request after routing, authentication and body decoding: what a handler gets.</summary>
public sealed class RapiRequest
{
    public required OperationSpec Operation { get; init; }

    public required string Path { get; init; }

    public required IReadOnlyDictionary<string, string> PathValues { get; init; }

    public required IReadOnlyDictionary<string, List<string>> Query { get; init; }

    public required JsonNode? Body { get; init; }

    public required bool HasBody { get; init; }

    public required RapiUser? User { get; init; }

    public required HttpContext Http { get; init; }

    public CancellationToken Aborted => Http.RequestAborted;

    public string this[string pathParameter] => PathValues[pathParameter];

    public string? First(string name) => Query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    public IReadOnlyList<string> All(string name) => Query.TryGetValue(name, out var v) ? v : [];

    /// <summary>A RAPI bool (parsed with int(): 0 false, any other integer true, text gives 400).</summary>
    public bool? Flag(string name) => First(name) is { } v ? QueryString.ParseRapiBool(name, v) : null;

    public bool IsSet(string name) => Flag(name) == true;
}
