using System.Text.Json;

namespace RapiConformance.Spec.Tests;

/// <summary>Every raw response captured from a real Ganeti 3.0.2 validates against the 3.0 profile.</summary>
public sealed class SampleResponseTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var x in RecordedExchange.All()) data.Add(Path.GetRelativePath(ReferenceFiles.Samples, x.File));
        return data;
    }

    [Fact]
    public void All_samples_are_found()
    {
        Assert.True(RecordedExchange.All().Count() >= 100, "expected about 110 captures in " + ReferenceFiles.Samples);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_response_validates_against_the_3_0_profile(string file)
    {
        var x = RecordedExchange.Parse(Path.Combine(ReferenceFiles.Samples, file))!;
        var match = fixture.Catalog.Match(x.Method, x.Path, Profile.V3_0);
        var error = fixture.Catalog.Component("Error")!;
        if (!match.ResourceFound)
        {
            Assert.True(x.Status == 404, $"{x}: the catalog finds no resource, so 404 was expected");
            AssertValid(error, x.Body, x);
            return;
        }
        if (match.Operation is null)
        {
            Assert.True(x.Status == 501, $"{x}: the resource has no {x.Method} in the catalog, so 501 was expected");
            AssertValid(error, x.Body, x);
            return;
        }
        var op = match.Operation;
        Assert.True(op.Responses.ContainsKey(x.Status), $"{x}: {op.Id} does not document status {x.Status}");
        var schema = op.Responses[x.Status].SchemaFor(Profile.V3_0);
        Assert.True(schema is not null, $"{x}: {op.Id} {x.Status} has no schema");
        AssertValid(schema, x.Body, x);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_request_body_is_valid_when_accepted_and_invalid_when_refused_with_400(string file)
    {
        var x = RecordedExchange.Parse(Path.Combine(ReferenceFiles.Samples, file))!;
        if (x.RequestBody is null || !IsJson(x.RequestBody)) return;
        var op = fixture.Catalog.Match(x.Method, x.Path, Profile.V3_0).Operation;
        if (op is null) return; // 501: the method does not exist for the path, the body is never read
        Assert.True(op.RequestBody is not null, $"{x}: {op.Id} has no request body schema");
        var errors = SchemaValidator.Shared.Validate(op.RequestBody, x.RequestBody);
        if (x.Status == 200)
            Assert.True(errors.Count == 0, $"{x}: accepted body {x.RequestBody} fails the schema:\n" + string.Join("\n", errors));
        else if (x.Status == 400)
            Assert.True(errors.Count > 0, $"{x}: Ganeti refused body {x.RequestBody} with 400, but the schema accepts it");
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void AssertValid(NJsonSchema.JsonSchema schema, string body, RecordedExchange x)
    {
        var errors = SchemaValidator.Shared.Validate(schema, body);
        Assert.True(errors.Count == 0, $"{x}:\n" + string.Join("\n", errors.Take(20)));
    }
}
