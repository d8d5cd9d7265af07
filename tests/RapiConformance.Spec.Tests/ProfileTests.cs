namespace RapiConformance.Spec.Tests;

/// <summary>The spec has exactly the documented operations per profile, with the contracted operation ids.</summary>
public sealed class ProfileTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    public static TheoryData<string> Profiles() => ["2.0", "2.5", "3.0"];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Profile_has_exactly_the_documented_operations(string name)
    {
        var profile = Profile.Parse(name);
        var expected = ExpectedOperations.For(profile).ToHashSet(StringComparer.Ordinal);
        var actual = fixture.Catalog.ForProfile(profile).Select(o => o.ToString()).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"profile {name}: missing [{string.Join(", ", missing)}]; extra [{string.Join(", ", extra)}]");
    }

    [Fact]
    public void Counts_per_profile_are_26_55_82()
    {
        Assert.Equal(26, ExpectedOperations.V2_0.Distinct().Count());
        Assert.Equal(55, ExpectedOperations.V2_5.Distinct().Count());
        Assert.Equal(82, ExpectedOperations.For(Profile.V3_0).Distinct().Count());
        Assert.Equal(82, fixture.Catalog.Operations.Count);
    }

    [Fact]
    public void Every_older_operation_is_also_in_3_0()
    {
        var v3 = ExpectedOperations.For(Profile.V3_0).ToHashSet(StringComparer.Ordinal);
        var gone = ExpectedOperations.V2_0.Concat(ExpectedOperations.V2_5).Where(o => !v3.Contains(o)).ToList();
        Assert.True(gone.Count == 0, "not in 3.0: " + string.Join(", ", gone));
    }

    [Fact]
    public void Operation_ids_are_those_of_the_contracts()
    {
        var contract = ExpectedOperations.IdsFromContracts();
        Assert.Equal(82, contract.Count);
        var wrong = fixture.Catalog.Operations
            .Where(o => !contract.TryGetValue(o.ToString(), out var id) || id != o.Id)
            .Select(o => $"{o} has '{o.Id}', contract says '{contract.GetValueOrDefault(o.ToString())}'")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Access_and_job_facts_match_the_reference_route_table()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ReferenceFiles.Reference, "opcodes-3.0.json")));
        var problems = new List<string>();
        var routes = 0;
        foreach (var route in doc.RootElement.GetProperty("routes").EnumerateArray())
        {
            // Routes are the router's regexes (^/2/instances/([\w\._-]+)$) or plain paths.
            var path = System.Text.RegularExpressions.Regex.Replace(route.GetProperty("route").GetString()!.TrimStart('^').TrimEnd('$'), @"\([^)]*\)", "{}");
            foreach (var access in route.GetProperty("access").EnumerateObject())
            {
                routes++;
                var list = access.Value.EnumerateArray().Select(v => v.GetString()).Order(StringComparer.Ordinal).ToList();
                var expected = list.Count == 0 ? Access.Read : list.Contains("read") ? Access.ReadAuthenticated : Access.Write;
                var op = fixture.Catalog.Operations.FirstOrDefault(o => o.Method == access.Name && SameTemplate(o.PathTemplate, path));
                if (op is null) problems.Add($"{access.Name} {path}: not in the spec");
                else if (op.Access != expected) problems.Add($"{op.Id}: access {op.Access}, route table says {expected}");
            }
        }
        foreach (var entry in doc.RootElement.GetProperty("rapi_operations").EnumerateArray())
        {
            var path = entry.GetProperty("path").GetString()!.Replace("{resource}", "{resource_type}", StringComparison.Ordinal);
            var op = fixture.Catalog.Operations.First(o => o.Method == entry.GetProperty("method").GetString() && SameTemplate(o.PathTemplate, path));
            if (op.IsJob != entry.GetProperty("returns_job_id").GetBoolean()) problems.Add($"{op.Id}: x-rapi-job {op.IsJob}");
            var opcodes = entry.GetProperty("opcodes").EnumerateArray().Select(x => x.GetString()).ToList();
            if (op.Opcode is null || !opcodes.Contains(op.Opcode)) problems.Add($"{op.Id}: x-rapi-opcode {op.Opcode}, expected one of {string.Join(",", opcodes)}");
        }
        Assert.Equal(82, routes);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_operation_has_summary_tag_profiles_401_and_error_schema()
    {
        var error = fixture.Catalog.Component("Error");
        var problems = new List<string>();
        foreach (var op in fixture.Catalog.Operations)
        {
            if (string.IsNullOrWhiteSpace(op.Summary) || string.IsNullOrWhiteSpace(op.Tag)) problems.Add($"{op.Id}: summary/tag");
            if (op.Profiles.Count == 0 || !op.Profiles.Contains("3.0")) problems.Add($"{op.Id}: profiles");
            if (!op.Responses.ContainsKey(200) || op.Responses[200].Schema is null) problems.Add($"{op.Id}: 200 schema");
            foreach (var (status, response) in op.Responses.Where(r => r.Key >= 400))
                if (!ReferenceEquals(response.Schema, error)) problems.Add($"{op.Id}: {status} is not the Error schema");
            if (!op.Responses.ContainsKey(401)) problems.Add($"{op.Id}: no 401");
            if (op.Access != Access.Read && !op.Responses.ContainsKey(403)) problems.Add($"{op.Id}: no 403");
            if (op.IsJob && !op.Responses.ContainsKey(503)) problems.Add($"{op.Id}: job without 503");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Schema_by_profile_names_only_profiles_of_the_operation()
    {
        var problems = new List<string>();
        foreach (var op in fixture.Catalog.Operations)
            foreach (var (status, response) in op.Responses)
                foreach (var profile in response.SchemaByProfile.Keys)
                    if (!op.Profiles.Contains(profile)) problems.Add($"{op.Id} {status}: {profile} is not a profile of the operation");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(fixture.Catalog.Operations, o => o.Responses[200].SchemaByProfile.Count > 0);
    }

    [Fact]
    public void Handler_facts_are_read_from_the_spec()
    {
        var modify = fixture.Catalog.Get("modifyCluster");
        Assert.Equal(["compression_tools"], modify.ForbiddenParameters);
        Assert.Equal("opcode", modify.BodyUsage);
        var create = fixture.Catalog.Get("createInstance");
        Assert.Equal("instance_name", create.RenamedParameters["name"]);
        Assert.Equal("os_type", create.RenamedParameters["os"]);
        Assert.Contains("dry_run", create.StaticParameters);
        Assert.Equal("tags", fixture.Catalog.Get("addNodeTags").BodyUsage);
        Assert.Equal("ignored", fixture.Catalog.Get("startupInstance").BodyUsage);
        Assert.Equal("custom", fixture.Catalog.Get("setNodeRole").BodyUsage);
        Assert.Null(fixture.Catalog.Get("getInstance").BodyUsage);
        Assert.Equal(Access.ReadAuthenticated, fixture.Catalog.Get("getInstanceConsole").Access);
        Assert.Equal(Access.ReadAuthenticated, fixture.Catalog.Get("queryResourceWithFilter").Access);
        Assert.True(fixture.Catalog.Get("addClusterTags").Query("tag")!.Repeatable);
        Assert.True(fixture.Catalog.Get("listInstances").Query("bulk")!.IsRapiBool);
        Assert.True(fixture.Catalog.Get("getNodeStorage").Query("output_fields")!.Required);
    }

    private static bool SameTemplate(string spec, string route) =>
        string.Equals(System.Text.RegularExpressions.Regex.Replace(spec, @"\{[^}]+\}", "{}"),
                      System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "{}"), StringComparison.Ordinal);
}
