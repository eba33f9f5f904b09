namespace Parley.Cluster.Client;

/// <summary>A cluster job could not finish: no live silo, or a batch failed on every attempt.</summary>
public sealed class ClusterJobException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterJobException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ClusterJobException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ClusterJobException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
