using NJsonSchema;

namespace RapiConformance.Spec;

public enum ParameterLocation { Path, Query }

/// <summary>A path or query parameter of an operation. RAPI bools are integers (0/1) on the wire.</summary>
public sealed record ParameterSpec(
    string Name,
    ParameterLocation In,
    bool Required,
    JsonSchema Schema,
    bool Repeatable,
    bool IsRapiBool,
    string? Description);
