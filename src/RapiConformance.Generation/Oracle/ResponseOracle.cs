using RapiConformance.Client;
using System.Text.Json;
using NJsonSchema;
using RapiConformance.Generation.Requests;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Oracle;

/// <summary>
/// The properties every fuzz case is held to: no 5xx the spec does not document, every answer
/// validates against the spec, a 4xx carries Ganeti's error body, a request the spec calls invalid is
/// refused (4xx, or a job that ends in error), and a job ends in success or in a documented error
/// classification.
/// </summary>
public sealed class ResponseOracle(SpecCatalog catalog, Profile profile, SchemaValidator validator, Rules.BodyRules? bodyRules = null)
{
    /// <summary>Ganeti's ECODE_* classifications (jobs.md).</summary>
    public static readonly IReadOnlySet<string> DocumentedClassifications = new HashSet<string>(StringComparer.Ordinal)
    {
        "resolver_error", "insufficient_resources", "temp_insufficient_resources", "wrong_input", "wrong_state",
        "unknown_entity", "already_exists", "resource_not_unique", "internal_error", "environment_error",
    };

    private readonly JsonSchema? _errorSchema = catalog.Component("Error");

    public SpecCatalog Catalog => catalog;

    public Profile Profile => profile;

    /// <summary>Findings about the immediate answer (before any job is waited for).</summary>
    public Finding? JudgeResponse(OperationSpec op, FuzzRequest request, Exchange response)
    {
        // Ganeti drops a request whose start line passes 8,192 characters without any answer (protocol.md §1):
        // past that limit neither a missing answer nor a bare 414 is a defect.
        if (request.Method.Length + request.PathAndQuery.Length + 10 > 8192 && (response.TransportError is not null || response.Status == 414)) return null;
        if (response.TransportError is not null) return new Finding(FailureKind.TransportError, response.TransportError!);
        var status = response.Status ?? 0;
        op.Responses.TryGetValue(status, out var documented);
        if (status >= 500 && (status == 500 || documented is null))
            return new Finding(FailureKind.ServerError, $"{status} for {op.Id}: {Short(response.ResponseBody)}");
        if (status is >= 200 and < 300 && documented is null)
            return new Finding(FailureKind.UndocumentedStatus, $"{status} is not a documented status of {op.Id}");
        if (documented?.SchemaFor(profile) is { } schema)
        {
            var errors = validator.Validate(schema, response.ResponseBody);
            if (errors.Count > 0)
                return new Finding(FailureKind.ResponseNotConforming, $"{status} body of {op.Id}: {string.Join("; ", errors.Take(3))}");
        }
        if (status is >= 400 and < 500 && !IsErrorBody(response.ResponseBody, status))
            return new Finding(FailureKind.BadErrorBody, $"{status} without Ganeti's error body: {Short(response.ResponseBody)}");
        if (request.Expect == Expectation.Refuse && status is >= 200 and < 300 && !(op.IsJob && JobWaiter.TryJobId(response.ResponseBody, out _)))
            return new Finding(FailureKind.InvalidInputAccepted, $"{status} for a request the spec calls invalid ({request.Mutation})");
        return null;
    }

    /// <summary>Findings about the job a 2xx answer started, once it is final.</summary>
    public Finding? JudgeJob(FuzzRequest request, JobOutcome outcome, Exchange jobResponse)
    {
        if (jobResponse.Status >= 500) return new Finding(FailureKind.ServerError, $"{jobResponse.Status} reading job {outcome.JobId}: {Short(jobResponse.ResponseBody)}");
        if (jobResponse.Status == 200 && catalog.Find("getJob")?.SuccessSchema(profile) is { } jobSchema)
        {
            var errors = validator.Validate(jobSchema, jobResponse.ResponseBody);
            if (errors.Count > 0) return new Finding(FailureKind.ResponseNotConforming, $"job {outcome.JobId}: {string.Join("; ", errors.Take(3))}");
        }
        if (!outcome.Finished) return new Finding(FailureKind.JobNeverFinished, $"job {outcome.JobId} still '{outcome.Status}'");
        if (outcome.Status == "error" && outcome.Classification is { } c && !DocumentedClassifications.Contains(c))
            return new Finding(FailureKind.UndocumentedJobError, $"job {outcome.JobId} failed with classification '{c}'");
        if (request.Expect == Expectation.Refuse && outcome.Succeeded)
            return new Finding(FailureKind.InvalidInputAccepted, $"job {outcome.JobId} succeeded for a request the spec calls invalid ({request.Mutation})");
        return null;
    }

    /// <summary>True when the spec, read again, still calls the (shrunk) request invalid; false means a finding about it would be a false positive.</summary>
    public bool StillInvalid(OperationSpec op, FuzzRequest request)
    {
        if (request.Mutation is null) return false;
        switch (request.Mutation.Kind)
        {
            case Requests.MutationKind.MalformedJson:
                try { JsonDocument.Parse(request.RawBody ?? ""); return false; } catch (JsonException) { return true; }
            case Requests.MutationKind.WrongContentType:
                return !string.Equals(request.ContentType, RequestGen.JsonContentType, StringComparison.OrdinalIgnoreCase);
            case Requests.MutationKind.TrueFalseForBool when request.Mutation.Location.StartsWith("query:", StringComparison.Ordinal):
            case Requests.MutationKind.OutOfEnum when request.Mutation.Location.StartsWith("query:", StringComparison.Ordinal):
            case Requests.MutationKind.WrongType when request.Mutation.Location.StartsWith("query:", StringComparison.Ordinal):
                return QueryInvalid(op, request) && (request.Mutation.Kind == Requests.MutationKind.TrueFalseForBool || !request.HasBody);
            case Requests.MutationKind.MissingQuery:
                return op.QueryParameters.Any(p => p.Required && request.Query.All(kv => kv.Key != p.Name));
            case Requests.MutationKind.OddPathName:
                return !catalog.Match(op.Method, request.Path, profile).ResourceFound || PathInvalid(op, request);
        }
        if (op.RequestBody is null || !request.HasBody) return false;
        return bodyRules is not null && request.RawBody is null
            ? !bodyRules.IsValid(op.RequestBody, request.Body)
            : validator.Validate(op.RequestBody, request.BodyText ?? "null").Count > 0;
    }

    private static bool QueryInvalid(OperationSpec op, FuzzRequest request)
    {
        foreach (var p in op.QueryParameters)
            foreach (var (_, value) in request.Query.Where(kv => kv.Key == p.Name))
            {
                if (p.IsRapiBool && !long.TryParse(value, out _)) return true;
                if (p.Schema.Enumeration.Count > 0 && !p.Schema.Enumeration.Any(e => Equals(e?.ToString(), value))) return true;
                if (p.Schema.Type == JsonObjectType.Integer && !long.TryParse(value, out _)) return true;
            }
        return false;
    }

    private static bool PathInvalid(OperationSpec op, FuzzRequest request) =>
        op.PathParameters.Any(p => !string.IsNullOrEmpty(p.Schema.Pattern) && request.PathValues.TryGetValue(p.Name, out var v) &&
                                   !System.Text.RegularExpressions.Regex.IsMatch(v, p.Schema.Pattern));

    private bool IsErrorBody(string body, int status)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var r = doc.RootElement;
            if (_errorSchema is not null && validator.Validate(_errorSchema, r).Count > 0) return false;
            return r.ValueKind == JsonValueKind.Object && r.TryGetProperty("code", out var code) && code.TryGetInt32(out var c) && c == status
                   && r.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                   && r.TryGetProperty("explain", out var e) && e.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Short(string s) => s.Length > 200 ? s[..200] + "..." : s;
}
