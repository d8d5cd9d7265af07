using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using NJsonSchema;
using RapiConformance.Generation.Schemas;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Requests;

/// <summary>
/// Valid requests for an operation, built only from its spec entry: path parameters (entities that exist
/// on the target or made-up ones), query parameters (RAPI bools as 0/1, repeatable ones, enums), and a
/// body from the request schema. Destructive operations (DELETE of an entity, rename) only ever name
/// made-up entities here, so stateless fuzzing does not erase what the other cases need; the stateful
/// model is where those run against real entities.
/// </summary>
public sealed class RequestGen(EntityPool pool, SchemaGen schemas, EntityPool? writePool = null)
{
    public const string JsonContentType = "application/json";

    public EntityPool Pool => pool;

    public SchemaGen Schemas => schemas;

    /// <summary>
    /// A valid request; path entities exist (when the target has any and the operation is not destructive)
    /// or are made up. With <paramref name="baseForMutation"/> entities exist and a body is always present,
    /// so a mutation has something to act on and a refusal is not explained by a missing entity.
    /// </summary>
    public Gen<FuzzRequest> Positive(OperationSpec op, bool baseForMutation = false)
    {
        var existingOnly = baseForMutation;
        var pathParams = op.PathParameters.ToList();
        var pathGen = Gen.CollectToList(pathParams.Select(p => PathValue(op, p, existingOnly)));
        var queryGen = Gen.CollectToList(op.QueryParameters.Select(QueryValues)).Select(lists => lists.SelectMany(x => x).ToList());
        var bodyGen = BodyGen(op, baseForMutation);
        return Gen.Zip(pathGen, Gen.Zip(queryGen, bodyGen), (paths, rest) =>
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var madeUp = new List<string>();
            for (var i = 0; i < pathParams.Count; i++)
            {
                values[pathParams[i].Name] = paths[i].Value;
                if (!paths[i].Exists) madeUp.Add(pathParams[i].Name);
            }
            var (query, body) = rest;
            return new FuzzRequest(op.Id, op.Method, op.PathTemplate, values, query, body.Value, body.Present, null,
                body.Present ? JsonContentType : null,
                madeUp.Count == 0 ? Expectation.Accept : Expectation.Robust,
                madeUp.Count == 0 ? null : new Mutation(MutationKind.UnknownEntity, "path:" + madeUp[0], $"'{values[madeUp[0]]}' is not an entity on the target"));
        });
    }

    /// <summary>Operations that remove or rename the entity their path names.</summary>
    public static bool IsDestructive(OperationSpec op) =>
        op.Writes && op.PathParameters.Any() &&
        (op.Method == "DELETE" && !op.PathTemplate.EndsWith("/tags", StringComparison.Ordinal) ||
         op.PathTemplate.EndsWith("/rename", StringComparison.Ordinal) ||
         op.PathTemplate.StartsWith("/2/nodes/", StringComparison.Ordinal) && op.Method != "GET");

    private static bool IsEntity(ParameterSpec p) => p.Name is "instance_name" or "node_name" or "group_name" or "network_name" or "filter_uuid" or "job_id";

    private Gen<(string Value, bool Exists)> PathValue(OperationSpec op, ParameterSpec p, bool existingOnly)
    {
        // With a write pool (write scope "own"), writes Ganeti cannot dry-run name only the fuzzer's own entities.
        var existing = writePool is not null && op.Writes && op.Method != "GET" && !op.StaticParameters.Contains("dry_run")
            ? writePool.Existing(p.Name)
            : pool.Existing(p.Name);
        var madeUp = MadeUpValue(p, pool.Existing(p.Name)).Select(v => (v, !IsEntity(p)));
        if (!IsEntity(p) || existing.Count == 0 || IsDestructive(op)) return madeUp;
        var real = Gen.Elements(existing.ToArray()).Select(v => (v, true));
        return existingOnly ? real : Gen.Frequency((5, real), (1, madeUp));
    }

    private Gen<string> MadeUpValue(ParameterSpec p, IReadOnlyList<string> existing)
    {
        var pattern = p.Schema.Pattern;
        if (p.Schema.Enumeration.Count > 0 || string.IsNullOrEmpty(pattern) && p.Schema.Type != JsonObjectType.String)
            return schemas.For(p.Schema).Select(ToQueryText);
        if (pattern is "^\\d+$")
            return IsEntity(p)
                ? Gen.Choose(900_000, 999_999).Select(i => i.ToString(CultureInfo.InvariantCulture))
                : Gen.Frequency((4, Gen.Constant("0")), (1, Gen.Constant("1")), (1, Gen.Choose(2, 40).Select(i => i.ToString(CultureInfo.InvariantCulture))));
        var set = existing.ToHashSet(StringComparer.Ordinal);
        // "." and ".." are dot segments: HTTP clients remove them, so they never reach the server as names.
        return schemas.For(p.Schema).Select(ToQueryText).Select(v => set.Contains(v) || v.Trim('.').Length == 0 ? v + "-nx" : v);
    }

    private Gen<List<KeyValuePair<string, string>>> QueryValues(ParameterSpec p)
    {
        Gen<List<KeyValuePair<string, string>>> values;
        if (p.IsRapiBool)
            values = Gen.Elements("0", "1").Select(v => new List<KeyValuePair<string, string>> { new(p.Name, v) });
        else if (p.Repeatable && p.Schema.Item is { } item)
            values = Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(schemas.For(item), n))
                .Select(xs => xs.Select(x => new KeyValuePair<string, string>(p.Name, ToQueryText(x))).ToList());
        else
            values = schemas.For(p.Schema).Select(x => new List<KeyValuePair<string, string>> { new(p.Name, ToQueryText(x)) });
        if (p.Required) return values;
        return Gen.Frequency((3, Gen.Constant(new List<KeyValuePair<string, string>>())), (1, values))
            .Select(l => l.ToList());
    }

    private Gen<(bool Present, JsonNode? Value)> BodyGen(OperationSpec op, bool always)
    {
        if (op.RequestBody is null) return Gen.Constant((false, (JsonNode?)null));
        var value = schemas.For(op.RequestBody).Select(v => (true, v));
        return op.RequestBodyRequired || always ? value : Gen.Frequency((1, Gen.Constant((false, (JsonNode?)null))), (3, value));
    }

    /// <summary>How a JSON value is written as a query value: strings raw, everything else as JSON text.</summary>
    public static string ToQueryText(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "1" : "0",
        _ => value.ToJsonString(),
    };
}
