using System.Collections.Concurrent;

namespace RapiConformance.Checks;

/// <summary>
/// Undo actions registered by writing checks as soon as they create something; the runner runs whatever
/// is left at the end, even after failures or cancellation. A check that cleaned up itself removes its entry.
/// </summary>
public sealed class CleanupList
{
    private readonly ConcurrentDictionary<string, Func<CancellationToken, Task>> _actions = new();

    public void Register(string key, Func<CancellationToken, Task> undo) => _actions[key] = undo;

    public void Done(string key) => _actions.TryRemove(key, out _);

    public IReadOnlyCollection<string> Pending => _actions.Keys.ToList();

    /// <summary>Runs every pending action once; returns the problems (an action that throws does not stop the rest).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var key in _actions.Keys.OrderByDescending(k => k, StringComparer.Ordinal).ToList())
        {
            if (!_actions.TryRemove(key, out var undo)) continue;
            try
            {
                await undo(ct);
            }
            catch (Exception e)
            {
                problems.Add($"{key}: {e.Message}");
            }
        }
        return problems;
    }
}
