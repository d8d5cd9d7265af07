using System.Diagnostics;

namespace RapiConformance.Spec.Tests;

/// <summary>The YAML is valid OpenAPI 3.0 for NSwag and for an independent validator, and it is what the generator makes.</summary>
public sealed class SpecDocumentTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public void NSwag_loads_the_spec_and_the_embedded_copy_is_the_committed_file()
    {
        Assert.Equal("3.0.3", fixture.Catalog.Document.OpenApi);
        Assert.Equal(82, fixture.Catalog.Operations.Count);
        Assert.Equal(fixture.Catalog.Operations.Select(o => o.Id), SpecCatalog.Default.Operations.Select(o => o.Id));
        Assert.Equal(82, fixture.Catalog.Operations.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public void Every_schema_in_the_spec_compiles_for_validation()
    {
        foreach (var (name, schema) in fixture.Catalog.Document.Components.Schemas)
            Assert.True(SchemaValidator.Shared.Compile(schema) is not null, name);
        foreach (var op in fixture.Catalog.Operations)
        {
            if (op.RequestBody is not null) SchemaValidator.Shared.Compile(op.RequestBody);
            foreach (var r in op.Responses.Values)
                foreach (var p in Profile.All)
                    if (r.SchemaFor(p) is { } s) SchemaValidator.Shared.Compile(s);
        }
    }

    [Fact]
    [Trait("Category", "Tool")]
    public async Task Independent_validator_swagger_cli_accepts_the_spec()
    {
        // CI installs it (npm install -g @apidevtools/swagger-cli@4); elsewhere the test says so and passes.
        var tool = FindOnPath("swagger-cli");
        if (tool is null)
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null,
                "swagger-cli is not on PATH (npm install -g @apidevtools/swagger-cli@4) and CI is set");
            return;
        }
        var (code, output) = await RunAsync(tool, "validate", ReferenceFiles.SpecYaml);
        Assert.True(code == 0, output);
        Assert.Contains("is valid", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Tool")]
    public async Task Generator_reproduces_the_committed_yaml()
    {
        var python = FindOnPath("python3");
        Assert.True(python is not null, "python3 is needed for spec/tools/generate.py");
        var script = Path.Combine(ReferenceFiles.Repository, "spec", "tools", "generate.py");
        var (code, output) = await RunAsync(python, script, "--check", "--reference", ReferenceFiles.Reference);
        Assert.True(code == 0, "spec/rapi.openapi.yaml differs from the generator's output; run python3 spec/tools/generate.py\n" + output);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
