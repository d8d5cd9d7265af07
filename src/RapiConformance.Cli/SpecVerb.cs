using System.CommandLine;
using System.Text.Json;
using RapiConformance.Spec;

namespace RapiConformance.Cli;

/// <summary>`spec`: the per-profile table of the catalog, or the catalog as JSON for scripts.</summary>
internal static class SpecVerb
{
    public static Command Create()
    {
        var profile = new Option<string?>("--profile") { Description = "Only this profile: 2.0, 2.5 or 3.0" };
        profile.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<string?>();
            if (v is not null && !Profile.TryParse(v, out _)) r.AddError($"--profile: unknown profile '{v}' (expected 2.0, 2.5 or 3.0)");
        });
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("spec", "Show the machine-readable RAPI spec: operations per profile") { profile, format };
        command.SetAction(parse =>
        {
            var catalog = SpecCatalog.Default;
            var p = parse.GetValue(profile);
            var profiles = p is null ? Profile.All : [Profile.Parse(p)];
            if (parse.GetValue(format) == "json")
            {
                var ops = profiles.SelectMany(pr => catalog.ForProfile(pr)).Distinct().Select(o => new
                {
                    id = o.Id,
                    method = o.Method,
                    path = o.PathTemplate,
                    summary = o.Summary,
                    tag = o.Tag,
                    profiles = o.Profiles.Order(StringComparer.Ordinal),
                    access = o.Access.ToString().ToLowerInvariant(),
                    job = o.IsJob,
                    opcode = o.Opcode,
                    hasRequestSchema = o.RequestBody is not null,
                    body = o.RequestBody is null ? null : new { usage = o.BodyUsage, required = o.RequestBodyRequired },
                    query = o.QueryParameters.Select(q => q.Name),
                    parameters = o.Parameters.Select(q => new
                    {
                        name = q.Name,
                        @in = q.In.ToString().ToLowerInvariant(),
                        required = q.Required,
                        rapiBool = q.IsRapiBool,
                        repeatable = q.Repeatable,
                    }),
                    statuses = o.Responses.Keys.Order(),
                    staticParameters = o.StaticParameters,
                    notes = o.Notes,
                });
                Console.WriteLine(JsonSerializer.Serialize(new { profiles = profiles.Select(x => x.Name), operations = ops },
                    new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            Console.WriteLine($"{"profile",-8} {"operations",10} {"req schema",11} {"resp schema",12} {"writes",7} {"jobs",5}");
            foreach (var pr in profiles)
            {
                var ops = catalog.ForProfile(pr).ToList();
                Console.WriteLine($"{pr.Name,-8} {ops.Count,10} {ops.Count(o => o.RequestBody is not null),11} " +
                                  $"{ops.Count(o => o.SuccessSchema(pr) is not null),12} {ops.Count(o => o.Writes),7} {ops.Count(o => o.IsJob),5}");
            }
            return 0;
        });
        return command;
    }
}
