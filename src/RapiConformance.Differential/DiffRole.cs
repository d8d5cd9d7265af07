namespace RapiConformance.Differential;

/// <summary>Who sends a request: the users-file roles of Ganeti, no credentials, or a wrong password.</summary>
public enum DiffRole
{
    /// <summary>A user with the `write` option (the main credential).</summary>
    Writer,

    /// <summary>A user with the `read` option.</summary>
    Reader,

    /// <summary>A user with no option.</summary>
    Plain,

    /// <summary>No Authorization header.</summary>
    Anonymous,

    /// <summary>The writer's name with a wrong password.</summary>
    WrongPassword,
}
