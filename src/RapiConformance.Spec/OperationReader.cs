using System.Collections;
using System.Globalization;
using NJsonSchema;
using NSwag;

namespace RapiConformance.Spec;

/// <summary>Turns the NSwag document into <see cref="OperationSpec"/> records, reading the x-rapi extensions.</summary>
internal static class OperationReader
{
    public static IReadOnlyList<OperationSpec> Read(OpenApiDocument document)
    {
        var result = new List<OperationSpec>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, op) in item)
            {
                var ext = op.ExtensionData ?? new Dictionary<string, object?>();
                var id = op.OperationId ?? throw new InvalidOperationException($"{method.ToUpperInvariant()} {path} has no operationId");
                var profiles = Strings(ext, "x-rapi-profiles").ToHashSet(StringComparer.Ordinal);
                var accessText = String(ext, "x-rapi-access") ?? "read";
                var access = accessText switch
                {
                    "write" => Access.Write,
                    "read" when Bool(ext, "x-rapi-auth-required") => Access.ReadAuthenticated,
                    "read" => Access.Read,
                    _ => throw new InvalidOperationException($"{id}: x-rapi-access must be read or write, not '{accessText}'"),
                };

                var parameters = item.Parameters.Concat(op.Parameters)
                    .Select(p => p.ActualParameter)
                    .Where(p => p.Kind is OpenApiParameterKind.Path or OpenApiParameterKind.Query)
                    .Select(ToParameter)
                    .ToList();

                JsonSchema? body = null;
                var bodyRequired = false;
                if (op.RequestBody is { } rb)
                {
                    var actual = rb.ActualRequestBody;
                    bodyRequired = actual.IsRequired;
                    if (actual.Content.TryGetValue("application/json", out var media)) body = media.Schema?.ActualSchema;
                }

                var responses = new Dictionary<int, ResponseSpec>();
                foreach (var (code, response) in op.Responses)
                {
                    if (!int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var status)) continue;
                    var actual = response.ActualResponse;
                    JsonSchema? schema = null;
                    if (actual.Content.TryGetValue("application/json", out var media)) schema = media.Schema?.ActualSchema;
                    var byProfile = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
                    var rext = response.ExtensionData ?? actual.ExtensionData;
                    if (rext is not null && rext.TryGetValue("x-rapi-schema-by-profile", out var map) && map is not null)
                    {
                        foreach (var (profile, name) in Pairs(map))
                        {
                            if (!document.Components.Schemas.TryGetValue(name, out var component))
                                throw new InvalidOperationException($"{id} {status}: x-rapi-schema-by-profile names unknown schema '{name}'");
                            byProfile[profile] = component.ActualSchema;
                        }
                    }
                    responses[status] = new ResponseSpec(status, actual.Description ?? "", schema, byProfile);
                }

                result.Add(new OperationSpec(
                    id,
                    method.ToUpperInvariant(),
                    path,
                    op.Summary ?? "",
                    op.Tags?.FirstOrDefault() ?? "",
                    profiles,
                    access,
                    Bool(ext, "x-rapi-job"),
                    String(ext, "x-rapi-opcode"),
                    Strings(ext, "x-rapi-notes").ToList(),
                    parameters,
                    body,
                    bodyRequired,
                    responses)
                {
                    BodyUsage = String(ext, "x-rapi-body"),
                    StaticParameters = Strings(ext, "x-rapi-static-params").ToList(),
                    ForbiddenParameters = Strings(ext, "x-rapi-forbidden-params").ToList(),
                    RenamedParameters = ext.TryGetValue("x-rapi-renamed-params", out var renames) && renames is not null
                        ? Pairs(renames).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                        : new Dictionary<string, string>(),
                });
            }
        }
        return result;
    }

    private static ParameterSpec ToParameter(OpenApiParameter p)
    {
        var schema = (p.Schema ?? p).ActualSchema;
        var ext = p.ExtensionData ?? new Dictionary<string, object?>();
        return new ParameterSpec(
            p.Name,
            p.Kind == OpenApiParameterKind.Path ? ParameterLocation.Path : ParameterLocation.Query,
            p.IsRequired,
            schema,
            schema.Type.HasFlag(JsonObjectType.Array),
            Bool(ext, "x-rapi-bool"),
            p.Description);
    }

    private static string? String(IDictionary<string, object?> ext, string key) =>
        ext.TryGetValue(key, out var v) && v is not null ? Convert.ToString(Unwrap(v), CultureInfo.InvariantCulture) : null;

    private static bool Bool(IDictionary<string, object?> ext, string key) =>
        ext.TryGetValue(key, out var v) && v is not null && Unwrap(v) is bool b && b;

    private static IEnumerable<string> Strings(IDictionary<string, object?> ext, string key)
    {
        if (!ext.TryGetValue(key, out var v) || v is null) yield break;
        v = Unwrap(v);
        if (v is string s) { yield return s; yield break; }
        if (v is IEnumerable e)
            foreach (var x in e)
                if (x is not null) yield return Convert.ToString(Unwrap(x), CultureInfo.InvariantCulture)!;
    }

    private static IEnumerable<(string Key, string Value)> Pairs(object map)
    {
        map = Unwrap(map);
        if (map is IDictionary d)
            foreach (DictionaryEntry e in d) yield return (e.Key.ToString()!, Convert.ToString(Unwrap(e.Value!), CultureInfo.InvariantCulture)!);
        else if (map is IEnumerable<KeyValuePair<string, object?>> pairs)
            foreach (var (k, v) in pairs) yield return (k, Convert.ToString(v is null ? "" : Unwrap(v), CultureInfo.InvariantCulture)!);
        else if (map is Newtonsoft.Json.Linq.JObject o)
            foreach (var p in o.Properties()) yield return (p.Name, p.Value.ToString());
    }

    private static object Unwrap(object v) => v switch
    {
        Newtonsoft.Json.Linq.JValue jv => jv.Value ?? "",
        Newtonsoft.Json.Linq.JArray ja => ja.Select(x => (object)Unwrap(x)).ToList(),
        _ => v,
    };
}
