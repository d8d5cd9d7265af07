using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>
/// Turns an operation's path template into concrete paths using names that exist on the target, and adds
/// the query parameters an operation cannot do without (RAPI's required `fields`, `output_fields`, ...).
/// </summary>
public static class ExamplePaths
{
    public static readonly IReadOnlyList<string> QueryResources = ["instance", "node", "group", "network", "job"];

    /// <summary>Up to <paramref name="max"/> concrete paths, or empty when the target has nothing to name.</summary>
    public static IReadOnlyList<string> For(OperationSpec operation, ClusterFacts facts, int max)
    {
        var names = operation.PathParameters.Select(p => p.Name).ToList();
        var values = names.Select(n => Candidates(n, facts)).ToList();
        if (values.Any(v => v.Count == 0)) return [];
        var count = values.Count == 0 ? 1 : Math.Min(max, values.Max(v => v.Count));
        var paths = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var path = operation.PathTemplate;
            for (var k = 0; k < names.Count; k++) path = path.Replace("{" + names[k] + "}", values[k][i % values[k].Count], StringComparison.Ordinal);
            paths.Add(WithRequiredQuery(operation, path));
        }
        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The template filled with any syntactically valid names (for probes where existence does not matter).</summary>
    public static string Filled(string template, string name = "rc-probe") =>
        template.Replace("{job_id}", "1", StringComparison.Ordinal)
            .Replace("{disk_index}", "0", StringComparison.Ordinal)
            .Replace("{resource_type}", "instance", StringComparison.Ordinal)
            .Replace("{filter_uuid}", "00000000-0000-0000-0000-000000000000", StringComparison.Ordinal)
            .Replace("{instance_name}", name, StringComparison.Ordinal)
            .Replace("{node_name}", name, StringComparison.Ordinal)
            .Replace("{group_name}", name, StringComparison.Ordinal)
            .Replace("{network_name}", name, StringComparison.Ordinal);

    public static string WithRequiredQuery(OperationSpec operation, string path)
    {
        var pairs = new List<(string, string?)>();
        foreach (var q in operation.QueryParameters.Where(q => q.Required))
            pairs.Add((q.Name, RequiredValue(operation, q)));
        return Query.Path(path, pairs.ToArray());
    }

    private static string? RequiredValue(OperationSpec operation, ParameterSpec parameter) => parameter.Name switch
    {
        "fields" => "name",
        "output_fields" => "name,size,used,free",
        "storage_type" => "lvm-vg",
        "name" => "xenvg",
        "mode" => "local",
        _ => parameter.Schema.Enumeration.FirstOrDefault()?.ToString() ?? parameter.Schema.Default?.ToString() ?? (parameter.IsRapiBool ? "0" : null),
    };

    private static IReadOnlyList<string> Candidates(string parameter, ClusterFacts facts) => parameter switch
    {
        "instance_name" => facts.Instances,
        "node_name" => facts.Nodes,
        "group_name" => facts.Groups,
        "network_name" => facts.Networks,
        "filter_uuid" => facts.Filters,
        "job_id" => facts.Jobs.OrderDescending().Select(j => j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        "disk_index" => ["0"],
        "resource_type" => QueryResources,
        _ => [],
    };
}
