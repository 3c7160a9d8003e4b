using System.Buffers.Binary;

namespace NormDecay.Grading.Worker.Protocol;

/// <summary>What a frame carries.</summary>
public enum FrameKind : byte
{
    /// <summary>Grader to worker: the <see cref="GradingJob"/> as UTF-8 JSON.</summary>
    Job = 1,

    /// <summary>Grader to worker: call function (int32 index) with (int32 count) values.</summary>
    Call = 2,

    /// <summary>Worker to grader: the <see cref="ReadyReport"/> as UTF-8 JSON (which functions compiled).</summary>
    Ready = 10,

    /// <summary>Worker to grader: a call returned: the value, then (int32 count) argument values after the call.</summary>
    Returned = 11,

    /// <summary>Worker to grader: a call threw: exception type name, message (strings).</summary>
    Threw = 12,
}

/// <summary>
/// Length-prefixed frames: a 4-byte little-endian length (kind byte included), the kind byte, the payload. Reading
/// bounds the length (<see cref="MaxLength"/>), so a forged or garbled stream fails with a clear error instead of an
/// unbounded allocation.
/// </summary>
public static class Frames
{
    /// <summary>Largest frame accepted: 256 MB.</summary>
    public const int MaxLength = 256 * 1024 * 1024;

    /// <summary>Writes one frame and flushes.</summary>
    public static void Write(Stream stream, FrameKind kind, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[5];
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length + 1);
        header[4] = (byte)kind;
        stream.Write(header);
        stream.Write(payload);
        stream.Flush();
    }

    /// <summary>Reads one frame, or null at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">A length out of bounds, or the stream ended inside a frame.</exception>
    public static (FrameKind Kind, byte[] Payload)? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] header = new byte[5];
        int got = ReadFully(stream, header);
        if (got == 0)
        {
            return null;
        }

        if (got < header.Length)
        {
            throw new InvalidDataException("the stream ended inside a frame header");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 1 || length > MaxLength)
        {
            throw new InvalidDataException($"a frame of {length} bytes is out of bounds");
        }

        byte[] payload = new byte[length - 1];
        if (ReadFully(stream, payload) < payload.Length)
        {
            throw new InvalidDataException("the stream ended inside a frame");
        }

        return ((FrameKind)header[4], payload);
    }

    private static int ReadFully(Stream s, byte[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = s.Read(buffer, total, buffer.Length - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
