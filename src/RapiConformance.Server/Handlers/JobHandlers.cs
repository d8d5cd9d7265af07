using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RapiConformance.Server.Http;
using RapiConformance.Server.Jobs;

namespace RapiConformance.Server.Handlers;

/// <summary>GET /2/jobs, GET/DELETE /2/jobs/{id} and the /wait long-poll.</summary>
public static class JobHandlers
{
    public static void Register(HandlerRegistry r, RapiServices s)
    {
        r.Add("listJobs", req =>
        {
            var bulk = req.IsSet("bulk");
            var items = s.Jobs.List().Select(j =>
            {
                if (!bulk) return System.Text.Encoding.UTF8.GetBytes($"{{\"id\":{j.Id},\"uri\":\"/2/jobs/{j.Id}\"}}");
                lock (j.Sync) return Cluster.EntityJson.Build(w => j.WriteTo(w, bulk: true));
            }).ToList();
            return RapiResult.Array(items);
        });
        r.Add("getJob", req =>
        {
            var id = JsonNumbers.WrapToInt64(req["job_id"]);
            var job = s.Jobs.Find(id);
            if (job is null)
            {
                // What real Ganeti 3.0 answers for an unknown id: 200 and every field null.
                var empty = new JsonObject { ["id"] = id };
                foreach (var f in Job.Fields.Skip(1)) empty[f] = null;
                return RapiResult.Json(empty);
            }
            lock (job.Sync) return RapiResult.Raw(Cluster.EntityJson.Build(w => job.WriteTo(w, bulk: false)));
        });
        r.Add("cancelJob", async req =>
        {
            var id = JsonNumbers.WrapToInt64(req["job_id"]);
            var (ok, message) = await s.Jobs.CancelAsync(id).ConfigureAwait(false);
            return RapiResult.Json(new JsonArray(ok, message));
        });
        r.Add("waitForJobChange", req => WaitAsync(req, s));
    }

    private static async Task<RapiResult> WaitAsync(RapiRequest req, RapiServices s)
    {
        // Real Ganeti answers 500 when the body is missing (a TypeError); we answer 400.
        if (req.Body is not JsonObject body) throw RapiException.BadRequest("Required parameter 'fields' is missing");
        if (!body.TryGetPropertyValue("fields", out var fieldsNode) || fieldsNode is null)
            throw RapiException.BadRequest("Required parameter 'fields' is missing");
        if (fieldsNode is not JsonArray fieldsArray || fieldsArray.Any(f => f is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            throw RapiException.BadRequest("Parameter 'fields' must be a list of strings");
        var previous = body["previous_job_info"];
        if (previous is not null and not JsonArray) throw RapiException.BadRequest("Parameter 'previous_job_info' must be a list");
        var serialNode = body["previous_log_serial"];
        if (serialNode is not null && (serialNode.GetValueKind() != JsonValueKind.Number || !long.TryParse(serialNode.ToJsonString(), out _)))
            throw RapiException.BadRequest("Parameter 'previous_log_serial' must be an integer");
        var serial = serialNode is null ? -1 : serialNode.Long();
        var fields = fieldsArray.Select(f => f!.GetValue<string>()).ToList();

        var id = JsonNumbers.WrapToInt64(req["job_id"]);
        var job = s.Jobs.Find(id) ?? throw new RapiException(404);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(req.Aborted);
        timeout.CancelAfter(s.Options.JobWaitTimeout);
        while (true)
        {
            Task changed;
            JsonObject? answer;
            lock (job.Sync)
            {
                changed = job.WaitForChangeAsync();
                var info = new JsonArray(fields.Select(f => job.Field(f)).ToArray());
                var log = job.OpLog.SelectMany(l => l).Where(e => e[0]!.Long() > serial)
                    .Select(e => (JsonNode)e.DeepClone()).ToArray();
                answer = job.IsFinalized || log.Length > 0 || !JsonNode.DeepEquals(info, previous)
                    ? new JsonObject { ["job_info"] = info, ["log_entries"] = new JsonArray(log) }
                    : null;
            }
            if (answer is not null) return RapiResult.Json(answer);
            try
            {
                await changed.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!req.Aborted.IsCancellationRequested)
            {
                return RapiResult.Json(null);
            }
        }
    }
}
