#pragma warning disable CA1725 // FsCheck (F#) names every parameter "value"
using FsCheck;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace RapiConformance.Generation.Running;

/// <summary>An FsCheck runner that prints nothing and keeps the final result (shrunk arguments included).</summary>
public sealed class SilentRunner : IRunner
{
    public TestResult? Result { get; private set; }

    public int Shrinks { get; private set; }

    public void OnStartFixture(Type t) { }

    public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every) { }

    public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink) => Shrinks++;

    public void OnFinished(string name, TestResult testResult) => Result = testResult;
}
