using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NJsonSchema;
using RapiConformance.Spec;

namespace RapiConformance.Benchmarks;

/// <summary>
/// Validating a 10,000-instance bulk response (bytes from the reference server) with the spec's
/// schema through SchemaValidator.Shared, beside a plain System.Text.Json parse of the same bytes.
/// MB/s is written by the host after the run (Throughput.Report).
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    public const string PayloadName = "validation-instances-bulk-10000";
    private byte[] _payload = null!;
    private JsonSchema _listInstances = null!;
    private JsonSchema _bulkItems = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await using (var reference = await ReferenceServerFixture.StartAsync(10_000))
        {
            using var client = BenchHttp.Create(reference.BaseUri);
            _payload = await BenchHttp.GetBytesAsync(client, "/2/instances?bulk=1");
        }
        BenchFiles.WritePayloadSize(PayloadName, _payload.Length);
        _listInstances = SpecCatalog.Default.Get("listInstances").SuccessSchema(Profile.V3_0)
            ?? throw new InvalidOperationException("listInstances has no 200 schema");
        // The bulk form alone: an array of Instance objects (the second anyOf alternative).
        _bulkItems = new JsonSchema { Type = JsonObjectType.Array, Item = _listInstances.ActualSchema.AnyOf.Last().ActualSchema.Item };
        var errors = SchemaValidator.Shared.Validate(_listInstances, _payload);
        if (errors.Count > 0) throw new InvalidOperationException($"the reference bulk list does not validate: {errors[0]}");
    }

    [Benchmark(Baseline = true)]
    public int SystemTextJsonParse()
    {
        using var doc = JsonDocument.Parse(_payload);
        return doc.RootElement.GetArrayLength();
    }

    [Benchmark]
    public int ValidateListInstancesSchema() => SchemaValidator.Shared.Validate(_listInstances, _payload).Count;

    [Benchmark]
    public int ValidateBulkFormOnly() => SchemaValidator.Shared.Validate(_bulkItems, _payload).Count;

    /// <summary>The schema walk alone over an already parsed document: how the validator's time splits.</summary>
    [Benchmark]
    public int WalkParsedDocumentOnly() => SchemaValidator.Shared.Validate(_listInstances, _parsed.RootElement).Count;

    private JsonDocument _parsed = null!;

    [GlobalSetup(Target = nameof(WalkParsedDocumentOnly))]
    public async Task SetupParsedAsync()
    {
        await SetupAsync();
        _parsed = JsonDocument.Parse(_payload);
    }
}
