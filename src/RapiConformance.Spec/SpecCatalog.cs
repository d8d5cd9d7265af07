using System.Reflection;
using NJsonSchema;
using NSwag;

namespace RapiConformance.Spec;

/// <summary>
/// The one typed view of spec/rapi.openapi.yaml. Everything else in the project asks this catalog;
/// nothing else parses the YAML.
/// </summary>
public sealed class SpecCatalog
{
    private readonly Dictionary<string, OperationSpec> _byId;
    private readonly PathMatcher _matcher;

    private SpecCatalog(OpenApiDocument document, IReadOnlyList<OperationSpec> operations)
    {
        Document = document;
        Operations = operations;
        _byId = operations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _matcher = new PathMatcher(operations);
    }

    public OpenApiDocument Document { get; }

    public IReadOnlyList<OperationSpec> Operations { get; }

    /// <summary>The spec embedded in this assembly (the bytes of spec/rapi.openapi.yaml at build time).</summary>
    public static SpecCatalog LoadEmbedded()
    {
        using var stream = typeof(SpecCatalog).Assembly.GetManifestResourceStream("rapi.openapi.yaml")
            ?? throw new InvalidOperationException("the embedded spec rapi.openapi.yaml is missing");
        using var reader = new StreamReader(stream);
        return FromYaml(reader.ReadToEnd());
    }

    private static readonly Lazy<SpecCatalog> Shared = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>One catalog per process for callers that only read (the catalog is immutable).</summary>
    public static SpecCatalog Default => Shared.Value;

    public static SpecCatalog LoadFile(string path) => FromYaml(File.ReadAllText(path));

    public static SpecCatalog FromYaml(string yaml)
    {
        var document = OpenApiDocument.FromJsonAsync(YamlToJson.Convert(yaml)).GetAwaiter().GetResult();
        TupleSchemas.Expand(document);
        return new SpecCatalog(document, OperationReader.Read(document));
    }

    public IEnumerable<OperationSpec> ForProfile(Profile profile) => Operations.Where(o => o.InProfile(profile));

    public OperationSpec? Find(string operationId) => _byId.GetValueOrDefault(operationId);

    public OperationSpec Get(string operationId) =>
        Find(operationId) ?? throw new KeyNotFoundException($"no operation '{operationId}' in the spec");

    public RouteMatch Match(string method, string path, Profile? profile = null) => _matcher.Match(method, path, profile);

    /// <summary>A named schema of components/schemas, resolved.</summary>
    public JsonSchema? Component(string name) =>
        Document.Components.Schemas.TryGetValue(name, out var s) ? s.ActualSchema : null;

    internal static Assembly Assembly => typeof(SpecCatalog).Assembly;
}
