using System.Text.Json;
using NormDecay.Grading.Worker;
using NormDecay.Grading.Worker.Protocol;

// The sandboxed grading worker (docs/coursework.md): reads one GradingJob, compiles the solution cells, answers Ready,
// then answers each Call with the returned value (and the arguments after the call) or the exception thrown. The
// replies are written here, after the student's function returned, on a descriptor the student's code was not given.
(Stream requests, Stream replies) = PrivateChannel.Take();
if (Frames.Read(requests) is not { Kind: FrameKind.Job } first)
{
    Console.Error.WriteLine("worker: expected a job frame first");
    return 3;
}

GradingJob job = JsonSerializer.Deserialize<GradingJob>(first.Payload) ?? throw new InvalidDataException("empty job");
SolutionHost host = await SolutionHost.CompileAsync(job).ConfigureAwait(false);
Frames.Write(replies, FrameKind.Ready, JsonSerializer.SerializeToUtf8Bytes(host.Report));
while (Frames.Read(requests) is { Kind: FrameKind.Call } call)
{
    object?[] callArgs;
    int index;
    using (var r = new BinaryReader(new MemoryStream(call.Payload)))
    {
        index = r.ReadInt32();
        int count = r.ReadInt32();
        if (count is < 0 or > 64)
        {
            throw new InvalidDataException($"a call with {count} arguments");
        }

        callArgs = new object?[count];
        for (int i = 0; i < count; i++)
        {
            callArgs[i] = ValueCodec.Read(r);
        }
    }

    byte[] reply;
    FrameKind kind;
    try
    {
        object? result = host.Call(index, callArgs);
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            ValueCodec.Write(w, result);
            w.Write(callArgs.Length);
            foreach (object? a in callArgs)
            {
                ValueCodec.Write(w, a);
            }
        }

        (kind, reply) = (FrameKind.Returned, ms.ToArray());
    }
#pragma warning disable CA1031 // any exception of the student's code is reported to the grader, not raised here
    catch (Exception e)
#pragma warning restore CA1031
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            w.Write(e.GetType().FullName ?? e.GetType().Name);
            string message = e.Message;
            w.Write(message.Length > 2000 ? message[..2000] : message);
        }

        (kind, reply) = (FrameKind.Threw, ms.ToArray());
    }

    Frames.Write(replies, kind, reply);
}

return 0;
