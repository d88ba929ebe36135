"""storyline.serve.web"""
