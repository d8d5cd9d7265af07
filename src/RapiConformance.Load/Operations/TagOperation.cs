using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Operations;

/// <summary>
/// Cluster tag jobs (OP_TAGS_SET / OP_TAGS_DEL), the most trivial job Ganeti runs. With
/// <c>removeToo</c> the even requests add a tag and the odd ones remove it again, so the cluster
/// does not grow during a long run.
/// </summary>
public sealed class TagOperation(string runId, bool removeToo) : LoadOperation
{
    public override string Name => removeToo ? "tag-add-remove" : "tag-add";

    public override string Description => removeToo
        ? "add a cluster tag, and remove the one added 64 pairs earlier (PUT/DELETE /2/tags); jobs"
        : "add a new cluster tag per request (PUT /2/tags?tag=...); jobs";

    public override bool SubmitsJobs => true;

    public override async Task<string?> CleanupAsync(RapiLoadClient client, CancellationToken ct) =>
        await Leftovers.RemoveClusterTagsAsync(client, $"rcl-{runId}-", ct).ConfigureAwait(false);

    public override LoadRequest Next(long sequence)
    {
        if (!removeToo) return new LoadRequest(HttpMethod.Put, $"/2/tags?tag=rcl-{runId}-{sequence}", IsJob: true);
        var (create, item) = PairSchedule.For(sequence);
        var tag = $"rcl-{runId}-{PairSchedule.Name(item)}";
        return create
            ? new LoadRequest(HttpMethod.Put, $"/2/tags?tag={tag}", IsJob: true)
            : new LoadRequest(HttpMethod.Delete, $"/2/tags?tag={tag}", IsJob: true);
    }
}
