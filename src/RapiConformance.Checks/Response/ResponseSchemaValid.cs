using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>The body validates against the schema the spec gives for that status and profile.</summary>
public sealed class ResponseSchemaValid : ExchangeCheck
{
    public override string Id => "response-schema-valid";
    public override string Title => "Response body matches the documented schema";
    public override string Requirement => "A documented response's body validates against its schema for the target's profile";
    public override string Source => "spec/rapi.openapi.yaml (x-rapi-schema-by-profile); reference/bulk-fields.md, jobs.md";

    protected override string? Problem(Exchange exchange, OperationSpec? operation, Profile profile)
    {
        if (operation is null || !operation.Responses.TryGetValue(exchange.Status!.Value, out var response)) return null;
        var schema = response.SchemaFor(profile);
        if (schema is null) return null;
        if (string.IsNullOrWhiteSpace(exchange.ResponseBody)) return "empty body where the spec documents a JSON value";
        var errors = SchemaValidator.Shared.Validate(schema, exchange.ResponseBody);
        return errors.Count == 0 ? null : string.Join("; ", errors.Take(3)) + (errors.Count > 3 ? $" (+{errors.Count - 3} more)" : "");
    }
}
