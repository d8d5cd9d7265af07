using System.Text.Json;
using System.Text.Json.Nodes;

namespace RapiConformance.Server.Jobs;

/// <summary>
/// One job: its opcodes (serialised inputs), per-opcode status, result and log, and timestamps. Mutated only
/// under its own lock; <see cref="WaitForChangeAsync"/> wakes long-polls when anything changes.
/// </summary>
public sealed class Job
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Job(long id, List<JsonObject> ops, long[] receivedTs)
    {
        Id = id;
        Ops = ops;
        OpStatus = ops.Select(_ => JobStatus.Queued).ToList();
        OpResult = ops.Select(_ => (JsonNode?)null).ToList();
        OpLog = ops.Select(_ => new List<JsonArray>()).ToList();
        ReceivedTs = receivedTs;
    }

    public long Id { get; }

    public List<JsonObject> Ops { get; }

    public List<string> OpStatus { get; }

    public List<JsonNode?> OpResult { get; }

    public List<List<JsonArray>> OpLog { get; }

    public long[] ReceivedTs { get; }

    public long[]? StartTs { get; set; }

    public long[]? EndTs { get; set; }

    public object Sync { get; } = new();

    /// <summary>A worker has handed this job's end to the store; it is published once stored (memory only).</summary>
    public bool EndPending { get; set; }

    public string Status => JobStatus.Of(OpStatus);

    public bool IsFinalized => JobStatus.IsFinalized(Status);

    public int LogSerial { get; set; }

    public IEnumerable<string> Summary => Ops.Select(SummaryOf);

    /// <summary>Signals waiters; call after every change (under <see cref="Sync"/>).</summary>
    public void NotifyChanged()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }

    public Task WaitForChangeAsync()
    {
        lock (Sync) return _changed.Task;
    }

    public void AddLog(int op, string message, long[] ts)
    {
        LogSerial++;
        OpLog[op].Add(new JsonArray(LogSerial, new JsonArray(ts[0], ts[1]), "message", message));
    }

    public static string SummaryOf(JsonObject op)
    {
        var id = op["OP_ID"]?.GetValue<string>() ?? "OP_UNKNOWN";
        var name = id.StartsWith("OP_", StringComparison.Ordinal) ? id[3..] : id;
        string? detail = null;
        foreach (var key in new[] { "instance_name", "node_name", "group_name", "network_name" })
            if (op[key] is JsonValue v && v.TryGetValue<string>(out var s)) { detail = s; break; }
        return detail is null ? name : $"{name}({detail})";
    }

    /// <summary>The value of one J_FIELDS field.</summary>
    public JsonNode? Field(string name) => name switch
    {
        "id" => Id,
        "ops" => new JsonArray(Ops.Select(o => (JsonNode)o.DeepClone()).ToArray()),
        "status" => Status,
        "summary" => new JsonArray(Summary.Select(s => (JsonNode)s).ToArray()),
        "opstatus" => new JsonArray(OpStatus.Select(s => (JsonNode)s).ToArray()),
        "received_ts" => Ts(ReceivedTs),
        "start_ts" => Ts(StartTs),
        "end_ts" => Ts(EndTs),
        "oplog" => new JsonArray(OpLog.Select(l => (JsonNode)new JsonArray(l.Select(e => (JsonNode)e.DeepClone()).ToArray())).ToArray()),
        "opresult" => new JsonArray(OpResult.Select(r => r?.DeepClone()).ToArray()),
        _ => null,
    };

    public static readonly string[] Fields = ["id", "ops", "status", "summary", "opstatus", "received_ts", "start_ts", "end_ts", "oplog", "opresult"];
    public static readonly string[] BulkFields = ["id", "ops", "status", "summary", "opstatus", "received_ts", "start_ts", "end_ts"];

    public void WriteTo(Utf8JsonWriter w, bool bulk)
    {
        w.WriteStartObject();
        foreach (var f in bulk ? BulkFields : Fields)
        {
            w.WritePropertyName(f);
            var v = Field(f);
            if (v is null) w.WriteNullValue(); else v.WriteTo(w);
        }
        w.WriteEndObject();
    }

    /// <summary>The stored form (J_FIELDS plus the log serial).</summary>
    public JsonObject ToStored()
    {
        var o = new JsonObject();
        foreach (var f in Fields) o[f] = Field(f);
        o["log_serial"] = LogSerial;
        return o;
    }

    public static Job FromStored(JsonObject o)
    {
        var ops = o["ops"]!.AsArray().Select(x => (JsonObject)x!.DeepClone()).ToList();
        var job = new Job(o["id"]!.Long(), ops, TsFrom(o["received_ts"]) ?? [0, 0]);
        var st = o["opstatus"]!.AsArray();
        var res = o["opresult"]!.AsArray();
        var log = o["oplog"]!.AsArray();
        for (var i = 0; i < ops.Count; i++)
        {
            job.OpStatus[i] = st[i]!.GetValue<string>();
            job.OpResult[i] = res[i]?.DeepClone();
            job.OpLog[i].AddRange(log[i]!.AsArray().Select(e => (JsonArray)e!.DeepClone()));
        }
        job.StartTs = TsFrom(o["start_ts"]);
        job.EndTs = TsFrom(o["end_ts"]);
        job.LogSerial = (int)(o["log_serial"]?.Long() ?? 0);
        return job;
    }

    private static JsonNode? Ts(long[]? ts) => ts is null ? null : new JsonArray(ts[0], ts[1]);

    private static long[]? TsFrom(JsonNode? n) => n is JsonArray a ? [a[0]!.Long(), a[1]!.Long()] : null;
}
