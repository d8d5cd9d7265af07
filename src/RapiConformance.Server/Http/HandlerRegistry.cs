using RapiConformance.Spec;

namespace RapiConformance.Server.Http;

/// <summary>Handlers bound by operationId. The spec decides the routes; this only says what each operation does.</summary>
public sealed class HandlerRegistry
{
    private readonly Dictionary<string, Func<RapiRequest, Task<RapiResult>>> _handlers = new(StringComparer.Ordinal);

    public void Add(string operationId, Func<RapiRequest, Task<RapiResult>> handler)
    {
        if (!_handlers.TryAdd(operationId, handler)) throw new InvalidOperationException($"two handlers for '{operationId}'");
    }

    public void Add(string operationId, Func<RapiRequest, RapiResult> handler) => Add(operationId, r => Task.FromResult(handler(r)));

    public Func<RapiRequest, Task<RapiResult>>? Find(string operationId) => _handlers.GetValueOrDefault(operationId);

    public IReadOnlyCollection<string> OperationIds => _handlers.Keys;

    /// <summary>The spec operations that have no handler (the server refuses to start with any).</summary>
    public IEnumerable<string> Missing(SpecCatalog catalog) => catalog.Operations.Select(o => o.Id).Where(id => !_handlers.ContainsKey(id));
}
