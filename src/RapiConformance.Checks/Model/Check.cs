using System.Runtime.CompilerServices;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>
/// One declared unit of conformance: a stable id, the requirement it enforces and where that comes from,
/// and one method that yields results. The catalog lists them; nothing else knows their names.
/// </summary>
public abstract class Check
{
    protected static readonly IReadOnlySet<string> AllProfiles = new HashSet<string> { "2.0", "2.5", "3.0" };
    protected static readonly IReadOnlySet<string> From25 = new HashSet<string> { "2.5", "3.0" };
    protected static readonly IReadOnlySet<string> Only30 = new HashSet<string> { "3.0" };

    public abstract string Id { get; }
    public abstract string Title { get; }
    public abstract string Requirement { get; }

    /// <summary>Where the requirement comes from: a seed section or a reference file.</summary>
    public abstract string Source { get; }

    public virtual Severity Severity => Severity.Must;
    public virtual IReadOnlySet<string> Profiles => AllProfiles;

    /// <summary>True when the check sends anything but GET, or changes state in any way.</summary>
    public virtual bool Writes => false;

    public virtual CheckPhase Phase => Writes ? CheckPhase.Write : CheckPhase.Read;

    public abstract IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, CancellationToken ct);

    protected CheckResult Pass(string? operation, string message, Exchange? evidence = null) =>
        new(Id, operation, ResultStatus.Pass, message, evidence) { Severity = Severity };

    protected CheckResult Fail(string? operation, string message, Exchange? evidence = null) =>
        new(Id, operation, ResultStatus.Fail, message, evidence) { Severity = Severity };

    protected CheckResult Skip(string? operation, string message) =>
        new(Id, operation, ResultStatus.Skip, message) { Severity = Severity };

    /// <summary>Pass when the problem list is empty, else Fail with the first problems.</summary>
    protected CheckResult Verdict(string? operation, IReadOnlyCollection<string> problems, string passMessage, Exchange? evidence = null) =>
        problems.Count == 0
            ? Pass(operation, passMessage, evidence)
            : Fail(operation, string.Join("; ", problems.Take(3)) + (problems.Count > 3 ? $" (+{problems.Count - 3} more)" : ""), evidence);

    protected static async IAsyncEnumerable<CheckResult> One(Task<CheckResult> result, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        yield return await result;
    }

    public override string ToString() => Id;
}
