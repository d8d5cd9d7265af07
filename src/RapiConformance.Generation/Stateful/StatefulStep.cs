using System.Text.Json.Nodes;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>
/// One command of a stateful sequence. It names entities symbolically (a slot into the model's sorted
/// names, a suffix for fresh names), so a sequence can be rerun and shrunk against a target whose
/// names changed. Build returns null when the precondition does not hold (the step is skipped).
/// </summary>
public abstract record StatefulStep
{
    public virtual bool IsRead => false;

    public abstract FuzzRequest? Build(ClusterModel model, StepNaming naming);

    /// <summary>Updates the model from the outcome; returns a finding when the outcome itself breaks a rule.</summary>
    public abstract Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome);

    protected static bool Succeeded(CaseOutcome o) =>
        o.Response.Status is >= 200 and < 300 && (o.Job is null || o.Job.Succeeded);

    protected static FuzzRequest Request(string operationId, string method, string template, IReadOnlyDictionary<string, string> path,
        IReadOnlyList<KeyValuePair<string, string>>? query = null, JsonNode? body = null, Expectation expect = Expectation.Accept) =>
        new(operationId, method, template, path, query ?? [], body, body is not null, null, body is null ? null : RequestGen.JsonContentType, expect, null);

    protected static Dictionary<string, string> P(string name, string value) => new(StringComparer.Ordinal) { [name] = value };

    protected static KeyValuePair<string, string>[] Q(string name, string value) => [new(name, value)];
}
