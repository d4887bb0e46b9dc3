// `labctl labs` imports every lab module: tar-stream must wait until a check needs it.
it("importing the lab does not load tar-stream", () => {
  jest.isolateModules(() => {
    jest.doMock("tar-stream", () => {
      throw new Error("tar-stream loaded when the lab module was imported");
    });
    expect(() => require("./index")).not.toThrow();
  });
});
