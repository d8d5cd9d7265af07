using NJsonSchema;

namespace RapiConformance.Spec;

/// <summary>One documented operation (method + path template) with every x-rapi fact about it.</summary>
public sealed record OperationSpec(
    string Id,
    string Method,
    string PathTemplate,
    string Summary,
    string Tag,
    IReadOnlySet<string> Profiles,
    Access Access,
    bool IsJob,
    string? Opcode,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ParameterSpec> Parameters,
    JsonSchema? RequestBody,
    bool RequestBodyRequired,
    IReadOnlyDictionary<int, ResponseSpec> Responses)
{
    /// <summary>How the handler uses the body (x-rapi-body): opcode, ignored, tags or custom; null without a body.</summary>
    public string? BodyUsage { get; init; }

    /// <summary>Opcode parameters the handler fills from the URL or query; a body member of that name gives 400.</summary>
    public IReadOnlyList<string> StaticParameters { get; init; } = [];

    /// <summary>Opcode parameters RAPI refuses (403), e.g. compression_tools on /2/modify.</summary>
    public IReadOnlyList<string> ForbiddenParameters { get; init; } = [];

    /// <summary>Legacy body aliases, old name to new name (sending both gives 400).</summary>
    public IReadOnlyDictionary<string, string> RenamedParameters { get; init; } = new Dictionary<string, string>();

    public bool Writes => Access == Access.Write;

    public bool InProfile(Profile profile) => Profiles.Contains(profile.Name);

    public IEnumerable<ParameterSpec> PathParameters => Parameters.Where(p => p.In == ParameterLocation.Path);

    public IEnumerable<ParameterSpec> QueryParameters => Parameters.Where(p => p.In == ParameterLocation.Query);

    public ParameterSpec? Query(string name) =>
        Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == name);

    /// <summary>The 200 body schema for a profile.</summary>
    public JsonSchema? SuccessSchema(Profile profile) =>
        Responses.TryGetValue(200, out var r) ? r.SchemaFor(profile) : null;

    public override string ToString() => $"{Method} {PathTemplate}";
}
