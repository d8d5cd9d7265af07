using System.Runtime.CompilerServices;
using NJsonSchema;

namespace RapiConformance.Generation.Schemas;

/// <summary>Compares (schema, depth) keys by schema identity: NJsonSchema objects are mutable graphs.</summary>
internal sealed class ReferenceTupleComparer : IEqualityComparer<(JsonSchema, int)>
{
    public static readonly ReferenceTupleComparer Instance = new();

    public bool Equals((JsonSchema, int) x, (JsonSchema, int) y) => ReferenceEquals(x.Item1, y.Item1) && x.Item2 == y.Item2;

    public int GetHashCode((JsonSchema, int) obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), obj.Item2);
}
