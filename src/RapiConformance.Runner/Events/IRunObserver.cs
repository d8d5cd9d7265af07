namespace RapiConformance.Runner;

/// <summary>A reporter. Called from several threads at once; implementations synchronise themselves.</summary>
public interface IRunObserver
{
    void On(RunEvent e);
}
