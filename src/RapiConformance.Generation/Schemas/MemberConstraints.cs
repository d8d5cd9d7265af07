using NJsonSchema;

namespace RapiConformance.Generation.Schemas;

/// <summary>
/// Object-level rules the spec states with composition rather than properties: "one of these member
/// sets is required" (anyOf of required lists, used for aliases such as name/group_name) and "not all
/// of these together" (not: required). The object generator honours them instead of hoping.
/// </summary>
public sealed record MemberConstraints(IReadOnlyList<IReadOnlyList<string[]>> OneOfRequired, IReadOnlyList<string[]> NotTogether)
{
    public static MemberConstraints Of(JsonSchema s)
    {
        var groups = new List<IReadOnlyList<string[]>>();
        var nots = new List<string[]>();
        foreach (var part in s.AllOf.Select(p => p.ActualSchema).Append(s))
        {
            var alternatives = part.AnyOf.Concat(part.OneOf).Select(a => a.ActualSchema).ToList();
            if (alternatives.Count > 0 && alternatives.All(a => a.ActualProperties.Count == 0 && a.RequiredProperties.Count > 0))
                groups.Add(alternatives.Select(a => a.RequiredProperties.ToArray()).ToList());
            if (part.Not is { } not && not.ActualSchema.RequiredProperties.Count > 0)
                nots.Add(not.ActualSchema.RequiredProperties.ToArray());
        }
        return new MemberConstraints(groups, nots);
    }

    public bool IsEmpty => OneOfRequired.Count == 0 && NotTogether.Count == 0;
}
