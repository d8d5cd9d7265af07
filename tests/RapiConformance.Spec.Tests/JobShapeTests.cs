using System.Text.Json;

namespace RapiConformance.Spec.Tests;

/// <summary>Job facts of jobs.md that the schemas alone cannot state: the failed-opresult form and its classifications.</summary>
public sealed class JobShapeTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    public static TheoryData<string> FailedJobSamples() =>
        ["056_get_job_failed.txt", "058_get_job_failed_ipolicy.txt", "060_get_job_failed_noinstance.txt", "096_get_job_failed_badtag.txt"];

    [Theory]
    [MemberData(nameof(FailedJobSamples))]
    public void Failed_opresult_has_the_documented_form(string file)
    {
        var x = RecordedExchange.Parse(Path.Combine(ReferenceFiles.Samples, file))!;
        using var job = JsonDocument.Parse(x.Body);
        Assert.Equal("error", job.RootElement.GetProperty("status").GetString());
        var failure = fixture.Catalog.Component("JobOpFailure")!;
        var classifications = fixture.Catalog.Component("ErrorClassification")!;
        var statuses = job.RootElement.GetProperty("opstatus").EnumerateArray().ToList();
        var results = job.RootElement.GetProperty("opresult").EnumerateArray().ToList();
        Assert.Equal(statuses.Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            if (statuses[i].GetString() != "error") continue;
            Assert.Empty(SchemaValidator.Shared.Validate(failure, results[i]));
            Assert.Equal(JsonValueKind.String, results[i][0].ValueKind);
            var detail = results[i][1];
            if (detail.GetArrayLength() == 2) Assert.Empty(SchemaValidator.Shared.Validate(classifications, detail[1]));
        }
    }

    [Theory]
    [InlineData("[\"OpPrereqError\", [\"msg\", \"wrong_input\"]]", true)]
    [InlineData("[\"TagError\", [\"msg\"]]", true)]
    [InlineData("[\"OpPrereqError\"]", false)]
    [InlineData("[\"OpPrereqError\", [\"a\", \"b\", \"c\"]]", false)]
    [InlineData("[\"OpPrereqError\", \"msg\", \"x\"]", false)]
    [InlineData("{\"error\": \"x\"}", false)]
    [InlineData("[[\"msg\", \"wrong_input\"], \"OpPrereqError\"]", false)]
    public void Failure_form_is_checked(string json, bool valid) =>
        Assert.Equal(valid, SchemaValidator.Shared.Validate(fixture.Catalog.Component("JobOpFailure")!, json).Count == 0);

    [Theory]
    [InlineData("queued")]
    [InlineData("waiting")]
    [InlineData("running")]
    [InlineData("canceling")]
    [InlineData("canceled")]
    [InlineData("success")]
    [InlineData("error")]
    public void Every_job_status_of_jobs_md_is_allowed(string status)
    {
        var job = fixture.Catalog.Component("Job")!;
        var json = $"{{\"id\": 1, \"ops\": [], \"status\": \"{status}\", \"summary\": [], \"opstatus\": [], \"received_ts\": [1, 2], " +
                   "\"start_ts\": null, \"end_ts\": null, \"oplog\": [], \"opresult\": []}";
        Assert.Empty(SchemaValidator.Shared.Validate(job, json));
        Assert.NotEmpty(SchemaValidator.Shared.Validate(job, json.Replace(status, "finished", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaValidator.Shared.Validate(job, json.Replace("\"id\": 1", "\"id\": \"1\"", StringComparison.Ordinal)));
        Assert.Empty(SchemaValidator.Shared.Validate(fixture.Catalog.Component("JobLegacy")!, json.Replace("\"id\": 1", "\"id\": \"1\"", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("QueryResultCell", "[0, \"inst1\"]", true)]
    [InlineData("QueryResultCell", "[1, null]", true)]
    [InlineData("QueryResultCell", "[5, \"inst1\"]", false)]
    [InlineData("QueryResultCell", "[\"inst1\", 0]", false)]
    [InlineData("JobCancelResult", "[true, \"Job 1 canceled\"]", true)]
    [InlineData("JobCancelResult", "[\"Job 1 canceled\", true]", false)]
    [InlineData("ReasonEntry", "[\"gnt:user\", \"why\", 1795394708981285120]", true)]
    [InlineData("ReasonEntry", "[\"gnt:user\", 1795394708981285120, \"why\"]", false)]
    public void Positional_members_are_checked_through_x_rapi_tuple(string component, string json, bool valid) =>
        Assert.Equal(valid, SchemaValidator.Shared.Validate(fixture.Catalog.Component(component)!, json).Count == 0);

    [Fact]
    public void Tuple_positions_are_exposed_as_positional_items()
    {
        var failure = fixture.Catalog.Component("JobOpFailure")!;
        Assert.Equal(2, failure.Items.Count);
        Assert.Equal(NJsonSchema.JsonObjectType.String, failure.Items.First().Type);
        Assert.NotNull(failure.Item);
        var depends = fixture.Catalog.Get("createGroup").RequestBody!.ActualSchema.Properties["depends"].ActualSchema;
        Assert.True(depends.IsNullableRaw);
        Assert.Equal(2, depends.Item!.ActualSchema.AllOf.First().Items.Count);
    }

    [Fact]
    public void Job_ids_are_integers_in_3_0_and_may_be_strings_in_2_x()
    {
        var op = fixture.Catalog.Get("addClusterTags");
        Assert.Empty(SchemaValidator.Shared.Validate(op.SuccessSchema(Profile.V3_0)!, "16"));
        Assert.NotEmpty(SchemaValidator.Shared.Validate(op.SuccessSchema(Profile.V3_0)!, "\"16\""));
        Assert.Empty(SchemaValidator.Shared.Validate(op.SuccessSchema(Profile.V2_0)!, "\"16\""));
        Assert.NotEmpty(SchemaValidator.Shared.Validate(op.SuccessSchema(Profile.V2_0)!, "\"abc\""));
    }
}
