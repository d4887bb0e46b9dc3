// `labctl labs` imports every lab module: dockerfile-ast must wait until a check needs it.
it("importing the lab does not load dockerfile-ast", () => {
  jest.isolateModules(() => {
    jest.doMock("dockerfile-ast", () => {
      throw new Error("dockerfile-ast loaded when the lab module was imported");
    });
    expect(() => require("./index")).not.toThrow();
  });
});
