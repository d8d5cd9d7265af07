using System.Runtime.CompilerServices;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>dry-run=1 runs the job's checks but changes nothing.</summary>
public sealed class DryRunNoChange : Check
{
    public override string Id => "dry-run-no-change";
    public override string Title => "dry-run=1 changes nothing";
    public override string Requirement => "With ?dry-run=1 a write answers a job id, the job finishes, and the state read back is unchanged";
    public override string Source => "reference/resources.md (dry-run query); sample 046";
    public override bool Writes => true;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        var tag = context.Name("dry-tag");
        context.Cleanup.Register("tag:" + tag, t => context.SendAsync(RapiRequest.Delete(Query.Path("/2/tags", ("tag", tag))), t));
        var job = await context.SubmitAsync(RapiRequest.Put(Query.Path("/2/tags", ("tag", tag), ("dry-run", "1"))), ct);
        var tags = TagsRoundTrip.Strings((await context.SendAsync(RapiRequest.Get("/2/tags"), ct)).Json());
        yield return job.Outcome is not { Finished: true }
            ? Fail("addClusterTags", "dry-run tag job: " + job.Problem, job.Exchange)
            : tags.Contains(tag) ? Fail("addClusterTags", $"tag '{tag}' exists after a dry-run add", job.Exchange) : Pass("addClusterTags", "dry-run add left no tag", job.Exchange);

        if (context.HasOperation("createGroup"))
        {
            var group = context.Name("dry-group");
            context.Cleanup.Register("group:" + group, t => context.SendAsync(RapiRequest.Delete($"/2/groups/{group}"), t));
            var g = await context.SubmitAsync(RapiRequest.Post("/2/groups?dry-run=1", $"{{\"group_name\":\"{group}\"}}"), ct);
            var read = await context.SendAsync(RapiRequest.Get($"/2/groups/{group}") with { Negative = true }, ct);
            yield return g.Outcome is not { Finished: true }
                ? Fail("createGroup", "dry-run group job: " + g.Problem, g.Exchange)
                : read.Status != 404 ? Fail("createGroup", $"group exists after a dry-run create (GET answered {read.Status})", read) : Pass("createGroup", "dry-run create made no group", g.Exchange);
        }

        if (facts.Instances.FirstOrDefault() is { } instance)
        {
            var d = await context.SubmitAsync(RapiRequest.Delete($"/2/instances/{instance}?dry-run=1"), ct);
            var read = await context.SendAsync(RapiRequest.Get($"/2/instances/{instance}"), ct);
            yield return d.Outcome is not { Finished: true }
                ? Fail("deleteInstance", "dry-run delete job: " + d.Problem, d.Exchange)
                : read.Status != 200 ? Fail("deleteInstance", $"instance {instance} is gone after a dry-run delete (GET answered {read.Status})", read) : Pass("deleteInstance", "dry-run delete kept the instance", d.Exchange);
        }
    }
}
