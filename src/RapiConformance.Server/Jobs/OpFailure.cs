using System.Text.Json.Nodes;

namespace RapiConformance.Server.Jobs;

/// <summary>A Ganeti exception ending an opcode: class name, message and (mostly for OpPrereqError) the ECODE classification.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Named after Ganeti's opresult failure, not a .NET exception family.")]
public sealed class OpFailure(string errorClass, string message, string? classification) : Exception(message)
{
    public string ErrorClass { get; } = errorClass;

    public string? Classification { get; } = classification;

    public static OpFailure Prereq(string message, string classification) => new("OpPrereqError", message, classification);

    public static OpFailure NoEntity(string what, string name) => Prereq($"{what} '{name}' not known", "unknown_entity");

    public static OpFailure Exists(string message) => Prereq(message, "already_exists");

    public static OpFailure State(string message) => Prereq(message, "wrong_state");

    public static OpFailure Input(string message) => Prereq(message, "wrong_input");

    public static OpFailure NoResources(string message) => Prereq(message, "insufficient_resources");

    /// <summary>The opresult form: ["Class", ["message", "classification"]].</summary>
    public JsonArray ToResult()
    {
        var args = new JsonArray(Message);
        if (Classification is not null) args.Add(Classification);
        return new JsonArray(ErrorClass, args);
    }
}
