using System.Text.Json.Nodes;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Http;
using RapiConformance.Server.Storage;

namespace RapiConformance.Server.Handlers;

/// <summary>Job filter rules (3.0): synchronous writes, durable before they are answered (rolled back when not).</summary>
public static class FilterHandlers
{
    private static readonly HashSet<string> Allowed = ["priority", "predicates", "action", "reason"];

    public static void Register(HandlerRegistry r, RapiServices s, DurableState store)
    {
        r.Add("createFilter", req => SaveAsync(req, s, store, null));
        r.Add("replaceFilter", req => SaveAsync(req, s, store, req["filter_uuid"]));
        r.Add("deleteFilter", async req =>
        {
            var c = s.Cluster;
            Task durable;
            lock (c.Sync)
            {
                var f = c.Filter(req["filter_uuid"]) ?? throw new RapiException(404);
                c.BeginChanges();
                c.Remove(f);
                durable = Persist(store, c.EndChanges());
            }
            await durable.ConfigureAwait(false);
            return RapiResult.Json(null);
        });
    }

    private static async Task<RapiResult> SaveAsync(RapiRequest req, RapiServices s, DurableState store, string? uuid)
    {
        // Ganeti's checkFilterParameters refuses any body that is not a dict, a missing one included.
        var body = req.Body is JsonObject o ? (JsonObject)o.DeepClone()
            : throw RapiException.BadRequest("Invalid body contents, not a dictionary");
        foreach (var (k, _) in body)
            if (!Allowed.Contains(k)) throw RapiException.BadRequest($"Invalid body parameters: unknown filter parameter '{k}'");
        if (body["priority"] is { } p && (p.GetValueKind() != System.Text.Json.JsonValueKind.Number || !long.TryParse(p.ToJsonString(), out _)))
            throw RapiException.BadRequest("Parameter 'priority' must be an integer");
        if (body.ContainsKey("predicates") && (body["predicates"] is not JsonArray pr || pr.Any(x => x is not JsonArray)))
            throw RapiException.BadRequest("Parameter 'predicates' must be a list of predicates");
        if (body.ContainsKey("reason") && (body["reason"] is not JsonArray rs || rs.Any(x => !IsReason(x))))
            throw RapiException.BadRequest("Parameter 'reason' must be a list of [source, reason, timestamp]");
        if (body.ContainsKey("action") && !IsAction(body["action"]))
            throw RapiException.BadRequest("Parameter 'action' must be ACCEPT, CONTINUE, PAUSE, REJECT or [\"RATE_LIMIT\", n]");
        var c = s.Cluster;
        Task durable;
        string id;
        lock (c.Sync)
        {
            c.BeginChanges();
            var existing = uuid is null ? null : c.Filter(uuid);
            var filter = existing ?? new Filter { Uuid = uuid ?? Guid.NewGuid().ToString(), Watermark = s.Jobs.LastId };
            filter.Name = filter.Uuid;
            filter.Priority = body["priority"]?.Long() ?? 0;
            filter.Predicates = (JsonArray)(body["predicates"]?.DeepClone() ?? new JsonArray());
            filter.Action = body["action"]?.DeepClone() ?? JsonValue.Create("CONTINUE");
            filter.ReasonTrail = (JsonArray)(body["reason"]?.DeepClone() ?? new JsonArray());
            if (existing is null) c.Add(filter); else c.Touch(filter);
            id = filter.Uuid;
            durable = Persist(store, c.EndChanges());
        }
        await durable.ConfigureAwait(false);
        return RapiResult.Json(id);
    }

    private static bool IsReason(JsonNode? x) =>
        x is JsonArray { Count: 3 } a && a[0] is JsonValue s && s.GetValueKind() == System.Text.Json.JsonValueKind.String
        && a[1] is JsonValue r && r.GetValueKind() == System.Text.Json.JsonValueKind.String
        && a[2] is JsonValue t && t.GetValueKind() == System.Text.Json.JsonValueKind.Number;

    private static bool IsAction(JsonNode? x) => x switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>() is "ACCEPT" or "CONTINUE" or "PAUSE" or "REJECT",
        JsonArray { Count: 2 } a => a[0]?.ToString() == "RATE_LIMIT" && a[1] is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number && long.TryParse(n.ToJsonString(), out var k) && k >= 0,
        _ => false,
    };

    private static Task Persist(DurableState store, ChangeSet changes)
    {
        var write = new StoreWrite();
        foreach (var e in changes.Changed) write.Entities.Add((e.Uuid, e.Kind.ToString(), EntityStore.Serialize(e)));
        foreach (var (uuid, _) in changes.Removed) write.DeletedEntities.Add(uuid);
        return store.CommitAsync(write);
    }
}
