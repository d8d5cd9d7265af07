using FsCheck;
using FsCheck.Fluent;
using RapiConformance.Generation.Schemas;

namespace RapiConformance.Generation.Stateful;

/// <summary>FsCheck generators of step sequences (writes and reads, or reads only) and their shrinker.</summary>
public static class StepGen
{
    private static readonly Gen<int> Slot = Gen.Choose(0, 1000);
    private static readonly Gen<string> Suffix = RegexStringGen.For("[a-z0-9]{4,6}");
    private static readonly Gen<string> Tag = RegexStringGen.For("[a-z][a-z0-9]{1,8}");
    private static readonly Gen<bool> Bool = Gen.Elements(true, false);

    public static Gen<StatefulStep> Step(bool readOnly)
    {
        var read = Slot.Select(s => (StatefulStep)new ReadInstanceStep(s));
        if (readOnly) return read;
        return Gen.Frequency(
            (5, Gen.Zip(Slot, Suffix, (s, x) => (StatefulStep)new RenameInstanceStep(s, x))),
            (4, Gen.Zip(Slot, Bool, (s, up) => (StatefulStep)new InstanceStateStep(s, up))),
            (5, Gen.Zip(Gen.Zip(Gen.Elements(TagTarget.Cluster, TagTarget.Instance, TagTarget.Group, TagTarget.Network), Bool), Gen.Zip(Slot, Tag),
                (ta, st) => (StatefulStep)new TagStep(ta.Item1, st.Item1, st.Item2, ta.Item2))),
            (2, Gen.Zip(Slot, Slot, (a, b) => (StatefulStep)new RenameInstanceToTakenStep(a, b))),
            (3, Suffix.Select(x => (StatefulStep)new CreateGroupStep(x))),
            (2, Gen.Zip(Slot, Suffix, (s, x) => (StatefulStep)new RenameGroupStep(s, x))),
            (2, Slot.Select(s => (StatefulStep)new DeleteGroupStep(s))),
            (2, Gen.Zip(Suffix, Gen.Choose(0, 60000), (x, o) => (StatefulStep)new CreateNetworkStep(x, o))),
            (1, Slot.Select(s => (StatefulStep)new DeleteNetworkStep(s))),
            (1, Gen.Zip(Slot, Gen.Elements("regular", "master-candidate", "drained"), (s, r) => (StatefulStep)new NodeRoleStep(s, r))),
            (2, read));
    }

    public static Gen<StatefulStep[]> Sequence(bool readOnly, int maxLength) =>
        Gen.Choose(1, Math.Max(1, maxLength)).SelectMany(n => Gen.ArrayOf(Step(readOnly), n));

    /// <summary>Shorter sequences: the prefix up to the step that failed, then each sequence with one step left out.</summary>
    public static IEnumerable<StatefulStep[]> Shrink(StatefulStep[] steps, int failedAt)
    {
        if (failedAt >= 0 && failedAt < steps.Length - 1) yield return steps[..(failedAt + 1)];
        for (var i = steps.Length - 1; i >= 0; i--)
            if (steps.Length > 1) yield return steps.Where((_, j) => j != i).ToArray();
    }
}
