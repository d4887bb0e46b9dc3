import { abortOnInterrupt } from "./interrupt";

describe("abortOnInterrupt", () => {
  it("the first Ctrl-C cancels gracefully, the second exits 130 at once", () => {
    const exit = jest.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const onFirst = jest.fn();
    const { signal, dispose } = abortOnInterrupt(onFirst);
    try {
      process.emit("SIGINT");
      expect(onFirst).toHaveBeenCalledTimes(1);
      expect(signal.aborted).toBe(true);
      expect(exit).not.toHaveBeenCalled();
      process.emit("SIGINT");
      expect(exit).toHaveBeenCalledWith(130);
    } finally {
      dispose();
      exit.mockRestore();
    }
  });

  it("dispose removes the handlers", () => {
    const before = process.listenerCount("SIGINT");
    abortOnInterrupt(() => undefined).dispose();
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});
