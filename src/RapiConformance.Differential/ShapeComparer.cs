namespace RapiConformance.Differential;

/// <summary>
/// Compares two shapes field by field. Rules (the reasons are in docs/live.md):
/// a field missing on one side counts only when its parent is an object on both sides (a null parent or
/// an empty list carries no fields); <c>null</c> is compatible with every type (nullability is the spec's
/// business, and seed data differ); <c>integer</c> is compatible with <c>number</c>.
/// </summary>
public static class ShapeComparer
{
    public static IEnumerable<(DifferenceKind Kind, string Path, string A, string B)> Compare(JsonShape a, JsonShape b)
    {
        foreach (var path in a.Types.Keys.Union(b.Types.Keys).Order(StringComparer.Ordinal))
        {
            var inA = a.Has(path);
            var inB = b.Has(path);
            if (inA && inB)
            {
                var ta = Comparable(a.At(path));
                var tb = Comparable(b.At(path));
                if (ta.Count > 0 && tb.Count > 0 && !ta.Overlaps(tb))
                {
                    yield return (DifferenceKind.FieldType, path, string.Join("|", ta), string.Join("|", tb));
                }
                continue;
            }
            var parent = a.ParentOf(path) ?? b.ParentOf(path);
            if (parent is null || path.EndsWith("[]", StringComparison.Ordinal)
                || !a.At(parent).Contains("object") || !b.At(parent).Contains("object"))
            {
                continue;
            }
            yield return inA
                ? (DifferenceKind.MissingField, path, string.Join("|", a.At(path)), "(absent)")
                : (DifferenceKind.MissingField, path, "(absent)", string.Join("|", b.At(path)));
        }
    }

    private static HashSet<string> Comparable(IReadOnlySet<string> types)
    {
        var set = new HashSet<string>(types, StringComparer.Ordinal);
        set.Remove("null");
        if (set.Remove("integer"))
        {
            set.Add("number");
        }
        return set;
    }

}
