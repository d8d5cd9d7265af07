using System.Text.Json;
using System.Text.Json.Nodes;
using RapiConformance.Server.Http;

namespace RapiConformance.Server.Jobs;

/// <summary>
/// Fills an opcode from a request the way Ganeti's baserlib does: body must be a dict, renamed parameters,
/// static parameters that the body may not overwrite, forbidden parameters, unknown parameters and failed
/// checks — each with Ganeti's status and message. The result is the serialised opcode input a job shows.
/// </summary>
public sealed class OpcodeBuilder(OpcodeTable table)
{
    public OpcodeTable Table => table;

    /// <summary>Checks the body is a JSON object (or absent) and returns it as a mutable object.</summary>
    public static JsonObject BodyObject(JsonNode? body, bool allowMissing = true)
    {
        if (body is null)
        {
            if (allowMissing) return [];
            throw RapiException.BadRequest("Body contents: Type is 'NoneType', but 'dict' is expected");
        }
        if (body is JsonObject o) return (JsonObject)o.DeepClone();
        throw RapiException.BadRequest($"Body contents: Type is '{PythonType(body)}', but 'dict' is expected");
    }

    public static string PythonType(JsonNode? n) => n switch
    {
        null => "NoneType",
        JsonArray => "list",
        JsonObject => "dict",
        _ => n.GetValueKind() switch
        {
            JsonValueKind.String => "str",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Number => n.ToJsonString().Contains('.', StringComparison.Ordinal) ? "float" : "int",
            _ => "NoneType",
        },
    };

    /// <summary>Applies renames, checks static and forbidden parameters, and builds the opcode input.</summary>
    public JsonObject Build(string opId, JsonObject body, IReadOnlyDictionary<string, JsonNode?> statics, RapiOpcodeBinding? binding,
        JsonArray reason, bool acceptUnknown = false)
    {
        if (binding is not null)
        {
            foreach (var (old, @new) in binding.Renames)
            {
                if (!body.ContainsKey(old)) continue;
                if (body.ContainsKey(@new))
                    throw RapiException.BadRequest($"Parameter '{old}' was renamed to '{@new}', but both are specified");
                var v = body[old];
                body.Remove(old);
                body[@new] = v?.DeepClone();
            }
            foreach (var f in binding.Forbidden)
                if (body.ContainsKey(f)) throw new RapiException(403, $"The parameter {f} cannot be set via RAPI");
            var clash = body.Select(p => p.Key).Where(k => binding.StaticParams.Contains(k) || statics.ContainsKey(k) || k == "reason")
                .Order(StringComparer.Ordinal).ToList();
            if (clash.Count > 0)
                throw RapiException.BadRequest("Can't overwrite static parameters {" + string.Join(", ", clash.Select(PythonHttp.Repr)) + "}");
        }

        var def = table.Opcode(opId);
        var input = new JsonObject();
        foreach (var (k, v) in body)
        {
            var p = def.Parameter(k);
            if (p is null)
            {
                if (acceptUnknown) continue;
                throw RapiException.BadRequest($"Invalid body parameters: Object {def.ClassName} doesn't support the parameter '{k}'");
            }
            input[k] = v?.DeepClone();
        }
        foreach (var (k, v) in statics) input[k] = v?.DeepClone();

        // Ganeti validates every parameter, given or defaulted; an explicit null is checked like any value.
        foreach (var p in def.Parameters)
        {
            if (p.Name is "reason") continue;
            var value = input.TryGetPropertyValue(p.Name, out var given) ? given : p.Default;
            if (!OpcodeSchema.Matches(value, p.Schema)) throw FailsValidation(opId, p.Name);
        }

        var op = new JsonObject();
        if (statics.TryGetValue("dry_run", out var dry)) op["dry_run"] = dry?.DeepClone() ?? false;
        op["debug_level"] = 0;
        op["priority"] = input["priority"]?.DeepClone() ?? 0;
        op["depends"] = input["depends"]?.DeepClone();
        op["comment"] = input["comment"]?.DeepClone();
        op["reason"] = reason;
        op["OP_ID"] = opId;
        foreach (var p in def.Parameters)
        {
            if (p.Common) continue;
            if (input.TryGetPropertyValue(p.Name, out var value)) op[p.Name] = value?.DeepClone();
            else if (p.Default is not null) op[p.Name] = p.Default.DeepClone();
        }
        return op;
    }

    private static RapiException FailsValidation(string opId, string param) =>
        RapiException.BadRequest($"Invalid body parameters: (\"Parameter '{opId}.{param}' fails validation\", 'wrong_input')");
}
