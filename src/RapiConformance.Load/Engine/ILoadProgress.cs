namespace RapiConformance.Load.Engine;

/// <summary>Receives the run's events; the console reporter is one implementation, tests have their own.</summary>
public interface ILoadProgress
{
    void Phase(string message);
    void Sample(TimelinePoint point, long issued, long errorsTotal);
}
