using RapiConformance.Differential;
using Xunit;

namespace RapiConformance.Live.Tests.Differential;

public sealed class AllowListTests
{
    [Fact]
    public void An_entry_matches_by_operation_kind_and_path_glob()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """
            - operation: getClusterInfo
              kind: MissingField
              path: "$.hvparams.*"
              reason: hypervisor parameters depend on the enabled hypervisors
            """);
        var list = AllowList.Load(file);
        File.Delete(file);

        Assert.NotNull(list.Explain(new Difference("s", "getClusterInfo", DifferenceKind.MissingField, "$.hvparams.kvm", "object", "(absent)")));
        Assert.Null(list.Explain(new Difference("s", "getClusterInfo", DifferenceKind.FieldType, "$.hvparams.kvm", "object", "string")));
        Assert.Null(list.Explain(new Difference("s", "getInstance", DifferenceKind.MissingField, "$.hvparams.kvm", "object", "(absent)")));
    }

    [Fact]
    public void An_entry_with_a_step_matches_only_that_step()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """
            - operation: getNodeTags
              step: getNodeTags:unknown
              kind: Status
              reason: "GAP: Ganeti answers 500, we answer 404"
            """);
        var list = AllowList.Load(file);
        File.Delete(file);

        Assert.NotNull(list.Explain(new Difference("getNodeTags:unknown", "getNodeTags", DifferenceKind.Status, "", "404", "500")));
        Assert.Null(list.Explain(new Difference("getNodeTags:master", "getNodeTags", DifferenceKind.Status, "", "200", "500")));
    }

    [Fact]
    public void An_entry_without_a_reason_is_refused()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "- operation: getJob\n  kind: Status\n");
        Assert.Throws<InvalidDataException>(() => AllowList.Load(file));
        File.Delete(file);
    }
}
